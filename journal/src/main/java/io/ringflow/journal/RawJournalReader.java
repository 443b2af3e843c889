package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads either kind of journal without knowing its record type: each entry's header fields and payload bytes,
 * for tools (the {@code ringflow} command line) that are handed a directory and maybe no codec. The kind is
 * recognised by the first record's magic, and every later record must be of the same kind.
 * <p>
 * It checks what it can check without a codec, as the typed readers do: magic, format version, length,
 * CRC32C and the stored index against the excerpt's; a failed check throws a {@link JournalException}
 * naming the directory and index. It does not check schemas, except in {@link #decode}, which refuses a
 * payload of another schema than the codec's, as {@link JournalReader} and {@link OutputJournalReader} do.
 * <p>
 * Unlike the typed readers it refuses a directory that holds no Chronicle Queue files, rather than let
 * Chronicle create a queue in it: a tool pointed at the wrong directory must not write there.
 * <p>
 * Each excerpt is copied once into a reused buffer; reading allocates nothing unless an excerpt is larger
 * than any seen before.
 * <p>
 * Threading: one reader thread; several readers may read one journal, also while it is appended to.
 */
public final class RawJournalReader implements AutoCloseable
{
    /** What {@link #firstIndex()} and {@link #lastIndex()} return for an empty journal. */
    public static final long NO_INDEX = FrameReader.NO_INDEX;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int INITIAL_PAYLOAD_CAPACITY = 256;

    private final FrameReader reader;

    /**
     * Open an existing journal of either kind, positioned at its start. The first entry, if there is one,
     * is read and checked to learn the kind.
     *
     * @param directory the journal's directory.
     * @throws JournalException if the directory does not exist, holds no Chronicle Queue files, or its first
     *                          entry is not a valid Ringflow journal record.
     */
    public RawJournalReader(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": " +
                (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
        if (!holdsQueueFiles(directory))
        {
            throw new JournalException("no journal at " + directory +
                ": the directory holds no Chronicle Queue files (*.cq4, *.cq4t)");
        }
        this.reader = new FrameReader(directory, INITIAL_PAYLOAD_CAPACITY);
        try
        {
            if (reader.next())
            {
                reader.toStart();
            }
        }
        catch (final RuntimeException ex)
        {
            reader.close();
            throw ex;
        }
    }

    /**
     * @return the journal's kind; null only while the journal is empty (it is learnt from the first entry
     * read, so a reader of a journal that was empty when opened learns it when an entry arrives).
     */
    public JournalKind kind()
    {
        return JournalKind.of(reader.frame());
    }

    /**
     * Read the next entry, if one has been written.
     *
     * @param into overwritten with the entry; its payload is a view valid until the next call.
     * @return false if there is nothing more to read yet.
     * @throws JournalException if the entry is corrupt, truncated, of a newer format or of the other kind.
     */
    public boolean next(final RawJournalEntry into)
    {
        if (!reader.next())
        {
            return false;
        }
        final UnsafeBuffer buffer = reader.buffer();
        final long index = reader.index();
        final int formatVersion = buffer.getInt(RecordFrame.FORMAT_VERSION_OFFSET, ORDER);
        if (JournalKind.INPUT == kind())
        {
            into.setInput(
                index,
                formatVersion,
                buffer.getInt(JournalRecordDescriptor.TYPE_OFFSET, ORDER),
                buffer.getInt(JournalRecordDescriptor.SCHEMA_ID_OFFSET, ORDER),
                buffer.getInt(JournalRecordDescriptor.SCHEMA_VERSION_OFFSET, ORDER),
                buffer.getLong(JournalRecordDescriptor.INGEST_TIME_NS_OFFSET, ORDER),
                buffer.getLong(JournalRecordDescriptor.TIMESTAMP_OFFSET, ORDER));
            into.payload(buffer, JournalRecordDescriptor.HEADER_LENGTH, reader.payloadLength());
        }
        else
        {
            into.setOutput(
                index,
                formatVersion,
                buffer.getInt(OutputRecordDescriptor.SCHEMA_ID_OFFSET, ORDER),
                buffer.getInt(OutputRecordDescriptor.SCHEMA_VERSION_OFFSET, ORDER),
                buffer.getLong(OutputRecordDescriptor.TIMESTAMP_OFFSET, ORDER),
                buffer.getLong(OutputRecordDescriptor.INPUT_SEQUENCE_OFFSET, ORDER),
                buffer.getInt(OutputRecordDescriptor.ORDINAL_OFFSET, ORDER));
            into.payload(buffer, OutputRecordDescriptor.HEADER_LENGTH, reader.payloadLength());
        }
        return true;
    }

    /**
     * Decode the payload of the record {@link #next(RawJournalEntry)} read last.
     *
     * @param codec decodes it; only its schema id and version are accepted.
     * @param into  the record to overwrite.
     * @param <T>   record type.
     * @throws JournalException if the record is of another schema or does not decode.
     */
    public <T> void decode(final RecordCodec<T> codec, final T into)
    {
        reader.decode(codec, into);
    }

    /**
     * Position so that the next {@link #next(RawJournalEntry)} reads {@code index}.
     *
     * @param index an existing sequence or position.
     * @throws JournalException if the journal holds no entry there.
     */
    public void moveTo(final long index)
    {
        reader.moveTo(index);
    }

    /**
     * Position so that the following {@link #next(RawJournalEntry)} calls read the last {@code entries}
     * entries written so far (all of them if there are fewer). Excerpt indexes are dense within a roll cycle,
     * so this walks back over the last excerpts' headers unless the entries span a roll; then it steps over
     * the entries before them from the start.
     *
     * @param entries how many entries to leave before the end; 0 for the end.
     */
    public void toLast(final long entries)
    {
        if (entries <= 0)
        {
            reader.toEnd();
            return;
        }
        if (reader.toLastEntries(entries))
        {
            return;
        }
        final long count = reader.countEntries();
        reader.toStart();
        for (long skip = count - entries; skip > 0; skip--)
        {
            reader.skip();
        }
    }

    /** Position at the first entry. */
    public void toStart()
    {
        reader.toStart();
    }

    /** @return the first index in the journal, or {@link #NO_INDEX} if empty. */
    public long firstIndex()
    {
        return reader.firstIndex();
    }

    /** @return the last index in the journal, or {@link #NO_INDEX} if empty. */
    public long lastIndex()
    {
        return reader.lastIndex();
    }

    /** @return how many entries the journal holds, counted by walking its excerpts' headers: not for a hot path. */
    public long count()
    {
        return reader.countEntries();
    }

    /** @return the journal's directory. */
    public Path directory()
    {
        return reader.directory();
    }

    /** Release the tailer and the queue's mappings. */
    @Override
    public void close()
    {
        reader.close();
    }

    private static boolean holdsQueueFiles(final Path directory)
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch(file ->
            {
                final String name = file.getFileName().toString();
                return name.endsWith(".cq4") || name.endsWith(".cq4t");
            });
        }
        catch (final IOException ex)
        {
            throw new JournalException("no journal at " + directory + ": cannot list it: " + ex.getMessage(), ex);
        }
    }
}
