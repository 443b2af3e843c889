package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static io.ringflow.journal.JournalRecordDescriptor.*;

/**
 * Reads a journal written by {@link InputJournal}, from its start or from a given sequence, checking
 * every excerpt before anything is decoded: magic, format version, length, CRC32C, the stored sequence
 * against the excerpt's index, and for RECORD excerpts the schema id and version against the codec
 * given. Any mismatch throws a {@link JournalException} naming the directory and the index; a journal
 * is never misread.
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
    public static final long NO_SEQUENCE = -1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final RecordCodec<T> codec;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer scratch;

    /**
     * Open an existing journal, positioned at its start.
     *
     * @param directory the journal's directory.
     * @param codec     decodes RECORD payloads; only its schema id and version are accepted.
     * @throws JournalException if the directory does not exist.
     */
    public JournalReader(final Path directory, final RecordCodec<T> codec)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": not a directory");
        }
        this.directory = directory;
        this.codec = codec;
        this.scratch = new UnsafeBuffer(new byte[recordLength(codec.maxEncodedLength())]);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
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
        final long count = count();
        if (count == 0 || sequence < queue.firstIndex() || sequence > queue.lastIndex() || !tailer.moveToIndex(sequence))
        {
            throw new JournalException("journal " + directory + " has no entry at sequence " + sequence +
                " (0x" + Long.toHexString(sequence) + "): it holds " + count + " entries from " + firstSequence() +
                " to " + lastSequence());
        }
    }

    /** Position at the first entry. */
    public void toStart()
    {
        tailer.toStart();
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
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final long index = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final long length = bytes.readRemaining();
            if (length < HEADER_LENGTH + TRAILER_LENGTH)
            {
                throw corrupt(index, "truncated excerpt of " + length + " bytes; a journal record has at least " +
                    (HEADER_LENGTH + TRAILER_LENGTH));
            }
            if (length > scratch.capacity())
            {
                scratch.wrap(new byte[(int)Math.min(Integer.MAX_VALUE - 8, length)]);
            }
            final int readLength = (int)length;
            bytes.read(scratch.byteArray(), 0, readLength);
            decode(index, readLength, into);
            return true;
        }
    }

    /** @return the first sequence in the journal, or {@link #NO_SEQUENCE} if empty. */
    public long firstSequence()
    {
        return count() == 0 ? NO_SEQUENCE : queue.firstIndex();
    }

    /** @return the last sequence in the journal, or {@link #NO_SEQUENCE} if empty. */
    public long lastSequence()
    {
        return count() == 0 ? NO_SEQUENCE : queue.lastIndex();
    }

    /** @return how many entries, records and control records, the journal holds. */
    public long count()
    {
        return queue.entryCount();
    }

    /** @return the journal's directory. */
    public Path directory()
    {
        return directory;
    }

    /** Release the tailer and the queue's mappings. */
    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }

    private void decode(final long index, final int length, final JournalEntry<T> into)
    {
        final int magic = scratch.getInt(MAGIC_OFFSET, ORDER);
        if (magic != MAGIC)
        {
            throw corrupt(index, String.format("bad magic 0x%08x (expected 0x%08x): not a Ringflow journal record",
                magic, MAGIC));
        }
        final int formatVersion = scratch.getInt(FORMAT_VERSION_OFFSET, ORDER);
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION)
        {
            throw corrupt(index, "record format version " + formatVersion + "; this build reads versions 1.." +
                FORMAT_VERSION);
        }
        final int payloadLength = scratch.getInt(PAYLOAD_LENGTH_OFFSET, ORDER);
        if (payloadLength < 0 || recordLength(payloadLength) != length)
        {
            throw corrupt(index, "truncated or overlong excerpt: header declares a payload of " + payloadLength +
                " bytes (record of " + recordLength(payloadLength) + ") but the excerpt holds " + length + " bytes");
        }
        final int crcOffset = crcOffset(payloadLength);
        crc.reset();
        crc.update(scratch.byteArray(), 0, crcOffset);
        final int computed = (int)crc.getValue();
        final int stored = scratch.getInt(crcOffset, ORDER);
        if (computed != stored)
        {
            throw corrupt(index, String.format("checksum mismatch: stored CRC32C 0x%08x, computed 0x%08x", stored,
                computed));
        }
        final long sequence = scratch.getLong(SEQUENCE_OFFSET, ORDER);
        if (sequence != index)
        {
            throw corrupt(index, "excerpt claims sequence " + sequence + ": copied from another journal or position");
        }
        final int type = scratch.getInt(TYPE_OFFSET, ORDER);
        if (type < TYPE_RECORD || type > TYPE_END_OF_STREAM)
        {
            throw corrupt(index, "unknown record type " + type);
        }
        if (type == TYPE_RECORD)
        {
            decodeRecord(index, payloadLength, into);
        }
        into.set(type, index, scratch.getLong(INGEST_TIME_NS_OFFSET, ORDER), scratch.getLong(TIMESTAMP_OFFSET, ORDER));
    }

    private void decodeRecord(final long index, final int payloadLength, final JournalEntry<T> into)
    {
        final int schemaId = scratch.getInt(SCHEMA_ID_OFFSET, ORDER);
        final int schemaVersion = scratch.getInt(SCHEMA_VERSION_OFFSET, ORDER);
        if (schemaId != codec.schemaId() || schemaVersion != codec.schemaVersion())
        {
            throw new JournalException("journal " + directory + " at index " + index + " (0x" +
                Long.toHexString(index) + ") holds a record of schema id " + schemaId + " version " + schemaVersion +
                "; the codec given reads schema id " + codec.schemaId() + " version " + codec.schemaVersion() +
                ": refusing to decode it");
        }
        try
        {
            codec.decode(scratch, HEADER_LENGTH, payloadLength, into.record());
        }
        catch (final IllegalArgumentException ex)
        {
            throw corrupt(index, "payload does not decode: " + ex.getMessage(), ex);
        }
    }

    private JournalException corrupt(final long index, final String what)
    {
        return corrupt(index, what, null);
    }

    private JournalException corrupt(final long index, final String what, final Throwable cause)
    {
        return new JournalException("corrupt journal " + directory + " at index " + index + " (0x" +
            Long.toHexString(index) + "): " + what, cause);
    }
}
