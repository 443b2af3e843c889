package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static io.ringflow.journal.OutputRecordDescriptor.*;

/**
 * Reads a journal written by {@link OutputJournal}, from its start or from a given position, checking
 * every excerpt before anything is decoded: magic, format version, length, CRC32C, the stored position
 * against the excerpt's index, and the schema id and version against the codec given. Any mismatch throws
 * a {@link JournalException} naming the directory and the index; an input journal is recognised by its
 * magic and refused as such.
 * <p>
 * Each excerpt is copied once into a reused buffer and decoded from there; reading allocates nothing
 * unless an excerpt is larger than any seen before.
 * <p>
 * Threading: one reader thread; several readers may read one journal, also while it is appended to.
 *
 * @param <T> record type.
 */
public final class OutputJournalReader<T> implements AutoCloseable
{
    /** What {@link #firstPosition()} and {@link #lastPosition()} return for an empty journal. */
    public static final long NO_POSITION = FrameReader.NO_INDEX;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final RecordCodec<T> codec;
    private final FrameReader reader;

    /**
     * Open an existing output journal, positioned at its start.
     *
     * @param directory the journal's directory.
     * @param codec     decodes payloads; only its schema id and version are accepted.
     * @throws JournalException if the directory does not exist.
     */
    public OutputJournalReader(final Path directory, final RecordCodec<T> codec)
    {
        this.codec = codec;
        this.reader = new FrameReader(RecordFrame.OUTPUT, directory, codec.maxEncodedLength());
    }

    /** @return a fresh record holder for {@link #next(OutputJournalEntry)}. */
    public OutputJournalEntry<T> newEntry()
    {
        return new OutputJournalEntry<>(codec.newInstance());
    }

    /**
     * Position so that the next {@link #next(OutputJournalEntry)} reads {@code position}.
     *
     * @param position an existing position, as returned by an append.
     * @throws JournalException if the journal holds no entry at that position.
     */
    public void moveTo(final long position)
    {
        reader.moveTo(position);
    }

    /**
     * Position so that the next {@link #next(OutputJournalEntry)} reads the entry after {@code position}:
     * how to resume after the output position a checkpoint recorded.
     *
     * @param position an existing position, or {@link #NO_POSITION} for the start.
     * @throws JournalException if the journal holds no entry at that position.
     */
    public void moveAfter(final long position)
    {
        if (position == NO_POSITION)
        {
            reader.toStart();
        }
        else
        {
            reader.moveTo(position);
            reader.skip();
        }
    }

    /** Position at the first entry. */
    public void toStart()
    {
        reader.toStart();
    }

    /**
     * Read the next entry, if one has been written.
     *
     * @param into overwritten with the entry.
     * @return false if there is nothing more to read yet.
     * @throws JournalException if the entry is corrupt, truncated, of another schema or of an input journal.
     */
    public boolean next(final OutputJournalEntry<T> into)
    {
        if (!reader.next())
        {
            return false;
        }
        reader.decode(codec, into.record());
        final UnsafeBuffer buffer = reader.buffer();
        into.set(
            buffer.getLong(TIMESTAMP_OFFSET, ORDER),
            buffer.getLong(INPUT_SEQUENCE_OFFSET, ORDER),
            buffer.getInt(ORDINAL_OFFSET, ORDER),
            reader.index());
        return true;
    }

    /** @return the first position in the journal, or {@link #NO_POSITION} if empty. */
    public long firstPosition()
    {
        return reader.firstIndex();
    }

    /** @return the last position in the journal, or {@link #NO_POSITION} if empty. */
    public long lastPosition()
    {
        return reader.lastIndex();
    }

    /** @return how many entries the journal holds. */
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

    /**
     * @return true if the payload of the entry {@link #next(OutputJournalEntry)} read last is exactly these
     * bytes.
     */
    boolean payloadEquals(final byte[] bytes, final int offset, final int length)
    {
        return reader.payloadEquals(bytes, offset, length);
    }

    /** Let the next thread that reads own this reader: for a sink built on one thread and run on another. */
    void releaseThread()
    {
        reader.releaseThread();
    }
}
