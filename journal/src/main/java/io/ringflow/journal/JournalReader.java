package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static io.ringflow.journal.JournalRecordDescriptor.*;

/**
 * Reads a journal written by {@link InputJournal}, from its start or from a given sequence, checking
 * every excerpt before anything is decoded: magic, format version, length, CRC32C, the stored sequence
 * against the excerpt's index, and for RECORD excerpts the schema id and version against the codec
 * given. Any mismatch throws a {@link JournalException} naming the directory and the index; a journal
 * is never misread. An output journal is recognised by its magic and refused as such.
 * <p>
 * Each excerpt is copied once into a reused buffer and decoded from there; reading allocates nothing
 * unless an excerpt is larger than any seen before.
 * <p>
 * Threading: one reader thread; several readers may read one journal, also while it is appended to.
 *
 * @param <T> record type.
 */
public final class JournalReader<T> implements AutoCloseable
{
    /** What {@link #firstSequence()} and {@link #lastSequence()} return for an empty journal. */
    public static final long NO_SEQUENCE = FrameReader.NO_INDEX;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final RecordCodec<T> codec;
    private final FrameReader reader;

    /**
     * Open an existing journal, positioned at its start.
     *
     * @param directory the journal's directory.
     * @param codec     decodes RECORD payloads; only its schema id and version are accepted.
     * @throws JournalException if the directory does not exist.
     */
    public JournalReader(final Path directory, final RecordCodec<T> codec)
    {
        this.codec = codec;
        this.reader = new FrameReader(RecordFrame.INPUT, directory, codec.maxEncodedLength());
    }

    /** @return a fresh record holder for {@link #next(JournalEntry)}. */
    public JournalEntry<T> newEntry()
    {
        return new JournalEntry<>(codec.newInstance());
    }

    /**
     * Position so that the next {@link #next(JournalEntry)} reads {@code sequence}.
     *
     * @param sequence an existing sequence, as returned by an append.
     * @throws JournalException if the journal holds no entry at that sequence.
     */
    public void moveTo(final long sequence)
    {
        reader.moveTo(sequence);
    }

    /**
     * Position so that the next {@link #next(JournalEntry)} reads the entry after {@code sequence}: how to
     * resume after the input sequence a checkpoint recorded.
     *
     * @param sequence an existing sequence, or {@link #NO_SEQUENCE} for the start.
     * @throws JournalException if the journal holds no entry at that sequence, or the start was asked of a
     *                          journal that retention trimmed ({@link JournalRetention}).
     */
    public void moveAfter(final long sequence)
    {
        if (NO_SEQUENCE == sequence)
        {
            final long firstRetained = JournalRetention.firstRetainedSequence(directory());
            if (firstRetained >= 0)
            {
                throw new JournalException("input journal " + directory() + " was trimmed by retention: entries " +
                    "before sequence " + firstRetained + " (0x" + Long.toHexString(firstRetained) + ") were deleted, " +
                    "so it cannot be read from its start; start from a checkpoint at or after that sequence");
            }
            reader.toStart();
        }
        else
        {
            reader.moveTo(sequence);
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
     * @param into overwritten with the entry; its record only for RECORD entries.
     * @return false if there is nothing more to read yet.
     * @throws JournalException if the entry is corrupt, truncated or of another schema.
     */
    public boolean next(final JournalEntry<T> into)
    {
        if (!reader.next())
        {
            return false;
        }
        final long index = reader.index();
        final UnsafeBuffer buffer = reader.buffer();
        final int type = buffer.getInt(TYPE_OFFSET, ORDER);
        if (type < TYPE_RECORD || type > TYPE_END_OF_STREAM)
        {
            throw reader.corrupt(index, "unknown record type " + type);
        }
        if (type == TYPE_RECORD)
        {
            reader.decode(codec, into.record());
        }
        into.set(type, index, buffer.getLong(INGEST_TIME_NS_OFFSET, ORDER), buffer.getLong(TIMESTAMP_OFFSET, ORDER));
        return true;
    }

    /**
     * @return true if the entry {@link #next(JournalEntry)} read last is the first it took from an excerpt
     *         just read from the queue, false if the excerpt was read for an entry before it. The entries of
     *         one excerpt become visible together, so a reader that stamps arrival times needs one clock read
     *         per excerpt: when this is true.
     */
    public boolean readFromFreshExcerpt()
    {
        return reader.readFromFreshExcerpt();
    }

    /** @return the first sequence in the journal, or {@link #NO_SEQUENCE} if empty. */
    public long firstSequence()
    {
        return reader.firstIndex();
    }

    /** @return the last sequence in the journal, or {@link #NO_SEQUENCE} if empty. */
    public long lastSequence()
    {
        return reader.lastIndex();
    }

    /**
     * @return how many entries, records and control records, the journal holds, counted by walking its
     *         excerpts' headers (several entries share an excerpt): not for a hot path.
     */
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
}
