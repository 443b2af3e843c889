package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The reading half that every journal kind shares: a tailer that copies each excerpt once into a reused
 * buffer and checks each record in it (length, magic, format version, CRC32C, the stored sequence or
 * position against the one its excerpt's index and its slot make, see {@link EntryNumbering}) before the
 * caller reads its own fields from {@link #buffer()}, a view of that one record. A failed check throws a
 * {@link JournalException} naming the directory and the entry; the records after it in the same excerpt
 * are passed over, and the next call goes on with the next excerpt.
 * <p>
 * A reader made without a frame ({@link #FrameReader(Path, int)}) adopts the kind of the first excerpt it
 * reads, recognised by its magic, and then holds every later excerpt to that kind: what a tool that is
 * handed some journal directory needs.
 * <p>
 * Threading: one reader thread. Chronicle binds the tailer to the first thread that uses it;
 * {@link #releaseThread()} hands it on to another.
 */
final class FrameReader implements AutoCloseable
{
    static final long NO_INDEX = -1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    /** The excerpt read last, whole. */
    private final UnsafeBuffer excerpt;
    /** The record read last: a view of {@link #excerpt}. */
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[0]);
    private RecordFrame frame;
    private EntryNumbering numbering;
    private long excerptIndex = NO_INDEX;
    private int excerptLength;
    private int nextOffset;
    private int nextSlot;
    private boolean freshExcerpt;
    private boolean readFromFreshExcerpt;
    private long currentIndex = NO_INDEX;
    private int payloadLength;

    FrameReader(final RecordFrame frame, final Path directory, final int maxPayloadLength)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no " + frame.journalName + " at " + directory + ": not a directory");
        }
        this.directory = directory;
        this.excerpt = new UnsafeBuffer(new byte[fullExcerptLength(frame, maxPayloadLength)]);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
        adopt(frame);
    }

    /**
     * A reader of either kind of journal: the first excerpt read decides which.
     *
     * @param directory        an existing directory; the caller checks that it holds a queue.
     * @param maxPayloadLength initial buffer size for payloads; the buffer grows for larger excerpts.
     */
    FrameReader(final Path directory, final int maxPayloadLength)
    {
        if (!Files.isDirectory(directory))
        {
            throw new JournalException("no journal at " + directory + ": not a directory");
        }
        this.directory = directory;
        this.excerpt = new UnsafeBuffer(new byte[fullExcerptLength(RecordFrame.INPUT, maxPayloadLength)]);
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
    }

    /** @return the length of an excerpt that holds as many records of this payload length as it can. */
    private static int fullExcerptLength(final RecordFrame frame, final int maxPayloadLength)
    {
        return frame.recordLength(maxPayloadLength) << frame.slotBits;
    }

    /** @return the kind of journal read, or null while a kind-adopting reader has read nothing yet. */
    RecordFrame frame()
    {
        return frame;
    }

    /**
     * Read and check the next record.
     *
     * @return false if there is nothing more to read yet.
     */
    boolean next()
    {
        if (nextOffset < excerptLength || readExcerpt())
        {
            readRecord();
            return true;
        }
        return false;
    }

    private boolean readExcerpt()
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
            if (length > excerpt.capacity())
            {
                // doubling: a tailer meeting ever longer excerpts allocates a few times, not at each one
                excerpt.wrap(new byte[(int)Math.min(Integer.MAX_VALUE - 8, Math.max(length, 2L * excerpt.capacity()))]);
            }
            bytes.read(excerpt.byteArray(), 0, (int)length);
            excerptIndex = index;
            excerptLength = (int)length;
            nextOffset = 0;
            nextSlot = 0;
            freshExcerpt = true;
            return true;
        }
    }

    private void readRecord()
    {
        final int start = nextOffset;
        final int slot = nextSlot;
        nextOffset = excerptLength;   // a record that fails its checks takes the rest of its excerpt with it
        final int length = check(start, slot);
        record.wrap(excerpt, start, length);
        payloadLength = excerpt.getInt(start + frame.payloadLengthOffset, ORDER);
        currentIndex = numbering.sequence(excerptIndex, slot);
        nextOffset = start + length;
        nextSlot = slot + 1;
        readFromFreshExcerpt = freshExcerpt;
        freshExcerpt = false;
    }

    /**
     * @return true if the record {@link #next()} read last is the first taken from an excerpt just read from
     *         the queue: the records of one excerpt become visible together.
     */
    boolean readFromFreshExcerpt()
    {
        return readFromFreshExcerpt;
    }

    /** @return the sequence or position of the record {@link #next()} read last. */
    long index()
    {
        return currentIndex;
    }

    /** @return its payload length; the payload starts at the frame's header length in {@link #buffer()}. */
    int payloadLength()
    {
        return payloadLength;
    }

    /** @return the record {@link #next()} read last, checked, from its offset 0. */
    UnsafeBuffer buffer()
    {
        return record;
    }

    /**
     * @return true if the payload that {@link #next()} read last is exactly these bytes.
     */
    boolean payloadEquals(final byte[] bytes, final int offset, final int length)
    {
        final int from = record.wrapAdjustment() + frame.headerLength;
        return length == payloadLength &&
            Arrays.equals(record.byteArray(), from, from + length, bytes, offset, offset + length);
    }

    /**
     * Decode the payload that {@link #next()} read last, after checking its schema against the codec's.
     */
    <T> void decode(final RecordCodec<T> codec, final T into)
    {
        final int schemaId = record.getInt(frame.schemaIdOffset, ORDER);
        final int schemaVersion = record.getInt(frame.schemaVersionOffset, ORDER);
        if (schemaId != codec.schemaId() || schemaVersion != codec.schemaVersion())
        {
            throw new JournalException(frame.journalName + " " + directory + " at " + frame.indexName + " " +
                currentIndex + " (0x" + Long.toHexString(currentIndex) + ") holds a record of schema id " + schemaId + " version " +
                schemaVersion + "; the codec given reads schema id " + codec.schemaId() + " version " +
                codec.schemaVersion() + ": refusing to decode it");
        }
        try
        {
            codec.decode(record, frame.headerLength, payloadLength, into);
        }
        catch (final IllegalArgumentException ex)
        {
            throw corrupt(currentIndex, "payload does not decode: " + ex.getMessage(), ex);
        }
    }

    /**
     * Position so that the next {@link #next()} reads {@code index}.
     *
     * @throws JournalException if the journal holds no entry there.
     */
    void moveTo(final long index)
    {
        if (!moveToIfPresent(index))
        {
            final long count = countEntries();
            throw new JournalException(journalName() + " " + directory + " has no entry at " +
                (null == frame ? "index" : frame.indexName) + " " + index + " (0x" + Long.toHexString(index) +
                "): it holds " + count + " entries from " + firstIndex() + " to " + lastIndex());
        }
    }

    /**
     * Position so that the next {@link #next()} reads {@code index}, if the journal holds it: one index
     * look-up, then a walk over the entries before it in its excerpt.
     *
     * @return false, the position then undefined, if it does not.
     */
    boolean moveToIfPresent(final long index)
    {
        if (index < 0 || count() == 0 || !adoptFromFirstExcerpt())
        {
            return false;
        }
        forgetExcerpt();
        final long excerptAt = numbering.excerptIndex(index);
        if (excerptAt < queue.firstIndex() || excerptAt > queue.lastIndex() || !tailer.moveToIndex(excerptAt))
        {
            return false;
        }
        final int slot = numbering.slot(index);
        if (0 == slot)
        {
            return true;   // every excerpt holds a slot 0
        }
        if (!readExcerpt())
        {
            return false;
        }
        for (int before = 0; before < slot; before++)
        {
            if (nextOffset >= excerptLength)
            {
                return false;
            }
            skipRecord();
        }
        return nextOffset < excerptLength;
    }

    /**
     * Move past the next entry without copying or checking it; an entry whose header is not plausible takes
     * the rest of its excerpt with it. The next {@link #next()} counts as the first read of its excerpt.
     *
     * @return false if there was none.
     */
    boolean skip()
    {
        if (adoptFromFirstExcerpt() && (nextOffset < excerptLength || readExcerpt()))
        {
            skipRecord();
            return true;
        }
        return false;
    }

    /** Step over the record at {@link #nextOffset} by its header's length. */
    private void skipRecord()
    {
        final int remaining = excerptLength - nextOffset;
        final long length = remaining < frame.recordLength(0) ? -1 :
            plausibleRecordLength(excerpt.getInt(nextOffset + frame.payloadLengthOffset, ORDER), remaining);
        nextOffset = length < 0 ? excerptLength : nextOffset + (int)length;
        nextSlot++;
        freshExcerpt = true;   // what a skip leads to is the first entry this position reads
    }

    /**
     * @param payloadLength a record header's payload length.
     * @param remaining     the excerpt's bytes from the record on.
     * @return the record's length, or -1 if the excerpt cannot hold it (in {@code long}: a corrupt length
     *         near {@code Integer.MAX_VALUE} must not wrap into a plausible one).
     */
    private long plausibleRecordLength(final int payloadLength, final long remaining)
    {
        final long length = (long)frame.recordLength(0) + payloadLength;
        return payloadLength < 0 || length > remaining ? -1 : length;
    }

    void toStart()
    {
        forgetExcerpt();
        tailer.toStart();
    }

    /** Position after the last entry written so far, so that {@link #next()} reads only later ones. */
    void toEnd()
    {
        forgetExcerpt();
        tailer.toEnd();
    }

    long firstIndex()
    {
        return count() == 0 || !adoptFromFirstExcerpt() ? NO_INDEX : numbering.sequence(queue.firstIndex(), 0);
    }

    long lastIndex()
    {
        if (count() == 0 || !adoptFromFirstExcerpt())
        {
            return NO_INDEX;
        }
        final long last = queue.lastIndex();
        if (0 == frame.slotBits)
        {
            return last;
        }
        try (ExcerptTailer walker = queue.createTailer())
        {
            return numbering.sequence(last, recordsIn(walker, last) - 1);
        }
    }

    /**
     * Position so that the next {@link #next()} calls read the last {@code entries} entries, if they lie in
     * the last roll cycle, walking back over the headers of its last excerpts.
     *
     * @param entries at least 1.
     * @return false, the position then undefined, if the journal holds no more entries than that or they
     *         span a roll: then step over the entries before them from the start.
     */
    boolean toLastEntries(final long entries)
    {
        if (count() == 0 || !adoptFromFirstExcerpt())
        {
            return false;
        }
        final RollCycle rollCycle = queue.rollCycle();
        long index = queue.lastIndex();
        final long cycleStart = rollCycle.toIndex(rollCycle.toCycle(index), 0);
        long found = 0;
        try (ExcerptTailer walker = queue.createTailer())
        {
            while (true)
            {
                found += recordsIn(walker, index);
                if (found >= entries)
                {
                    return moveToIfPresent(numbering.sequence(index, (int)(found - entries)));
                }
                if (index == cycleStart)
                {
                    return false;
                }
                index--;
            }
        }
    }

    /** @return the excerpts the journal holds: its entries when each excerpt holds one. */
    long count()
    {
        return queue.entryCount();
    }

    /**
     * Count the entries by walking every excerpt's record headers, without copying or checking them.
     * Not for a hot path: a journal of 10 M entries takes a fraction of a second.
     *
     * @return the entries the journal holds.
     */
    long countEntries()
    {
        if (count() == 0 || !adoptFromFirstExcerpt())
        {
            return 0;
        }
        if (0 == frame.slotBits)
        {
            return count();
        }
        long entries = 0;
        try (ExcerptTailer walker = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = walker.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return entries;
                    }
                    entries += recordsIn(dc.wire().bytes());
                }
            }
        }
    }

    Path directory()
    {
        return directory;
    }

    /** Let the next thread that reads own the tailer; call before handing this reader to it. */
    void releaseThread()
    {
        tailer.singleThreadedCheckReset();
    }

    JournalException corrupt(final long index, final String what)
    {
        return corrupt(index, what, null);
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }

    private void adopt(final RecordFrame found)
    {
        frame = found;
        numbering = new EntryNumbering(queue.rollCycle(), found.slotBits);
    }

    /**
     * Learn the journal's kind from its first excerpt, if it is not known yet, without moving the tailer.
     *
     * @return false if it is still unknown: the first excerpt is not a Ringflow record.
     */
    private boolean adoptFromFirstExcerpt()
    {
        if (null == frame)
        {
            try (ExcerptTailer peek = queue.createTailer(); DocumentContext dc = peek.readingDocument())
            {
                final RecordFrame found = dc.isPresent() && dc.wire().bytes().readRemaining() >= Integer.BYTES ?
                    RecordFrame.ofMagic(dc.wire().bytes().readInt(dc.wire().bytes().readPosition())) : null;
                if (null != found)
                {
                    adopt(found);
                }
            }
        }
        return null != frame;
    }

    private void forgetExcerpt()
    {
        excerptLength = 0;
        nextOffset = 0;
    }

    /** @return the records in the excerpt at this index, walking their headers; at least 1. */
    private int recordsIn(final ExcerptTailer walker, final long index)
    {
        if (!walker.moveToIndex(index))
        {
            return 1;
        }
        try (DocumentContext dc = walker.readingDocument())
        {
            return dc.isPresent() ? recordsIn(dc.wire().bytes()) : 1;
        }
    }

    private int recordsIn(final Bytes<?> bytes)
    {
        final long end = bytes.readLimit();
        long at = bytes.readPosition();
        int records = 0;
        while (end - at >= frame.recordLength(0))
        {
            // native order, little-endian here
            final long length = plausibleRecordLength(bytes.readInt(at + frame.payloadLengthOffset), end - at);
            if (length < 0)
            {
                break;
            }
            at += length;
            records++;
        }
        return Math.max(records, 1);
    }

    /**
     * Check the record at {@code start} of the excerpt read last, adopting the kind from its magic if none is
     * known yet.
     *
     * @return its length.
     */
    private int check(final int start, final int slot)
    {
        final int remaining = excerptLength - start;
        final int minLength = null == frame ? RecordFrame.MIN_RECORD_LENGTH : frame.recordLength(0);
        if (remaining < minLength)
        {
            throw corrupt(excerptIndex, slot, (0 == start ? "truncated excerpt of " : "truncated record: ") + remaining +
                " bytes" + (0 == start ? "" : " left in the excerpt") + "; a " + journalName() + " record has at least " +
                minLength);
        }
        final int magic = excerpt.getInt(start + RecordFrame.MAGIC_OFFSET, ORDER);
        if (null == frame)
        {
            final RecordFrame found = RecordFrame.ofMagic(magic);
            if (null == found)
            {
                throw corrupt(excerptIndex, slot, String.format(
                    "bad magic 0x%08x '%s': not a Ringflow input or output journal record", magic, RecordFrame.magicText(magic)));
            }
            adopt(found);
        }
        if (magic != frame.magic)
        {
            throw wrongMagic(excerptIndex, slot, magic);
        }
        final int formatVersion = excerpt.getInt(start + RecordFrame.FORMAT_VERSION_OFFSET, ORDER);
        if (formatVersion < frame.minFormatVersion || formatVersion > frame.formatVersion)
        {
            throw corrupt(excerptIndex, slot, "record format version " + formatVersion + "; this build reads versions " +
                frame.minFormatVersion + ".." + frame.formatVersion + (formatVersion >= 1 && formatVersion < frame.minFormatVersion ?
                " (an older Ringflow wrote it: its " + frame.indexName + "s number excerpts, not records, so it is " +
                "refused rather than misnumbered; read it with the release that wrote it)" : ""));
        }
        final int payloadLength = excerpt.getInt(start + frame.payloadLengthOffset, ORDER);
        final long length = plausibleRecordLength(payloadLength, remaining);
        final boolean lastSlot = slot == numbering.slotsPerExcerpt() - 1;
        if (length < 0 || (lastSlot && length != remaining))
        {
            throw corrupt(excerptIndex, slot, "truncated or overlong " + (0 == start ? "excerpt" : "record") +
                ": header declares a payload of " + payloadLength + " bytes (record of " +
                ((long)frame.recordLength(0) + payloadLength) + ") but the excerpt holds " + remaining + " bytes" +
                (0 == start ? "" : " from this record on") +
                (frame.slotBits > 0 && lastSlot && length >= 0 ? ", more than its last slot" : ""));
        }
        final int crcOffset = start + frame.crcOffset(payloadLength);
        crc.reset();
        crc.update(excerpt.byteArray(), start, crcOffset - start);
        final int computed = (int)crc.getValue();
        final int stored = excerpt.getInt(crcOffset, ORDER);
        if (computed != stored)
        {
            throw corrupt(excerptIndex, slot, String.format("checksum mismatch: stored CRC32C 0x%08x, computed 0x%08x",
                stored, computed));
        }
        final long storedIndex = excerpt.getLong(start + frame.indexOffset, ORDER);
        final long index = numbering.sequence(excerptIndex, slot);
        if (storedIndex != index)
        {
            throw corrupt(excerptIndex, slot, "record claims " + frame.indexName + " " + storedIndex +
                ": copied from another journal or position");
        }
        return (int)length;
    }

    private String journalName()
    {
        return null == frame ? "journal" : frame.journalName;
    }

    private JournalException wrongMagic(final long excerptAt, final int slot, final int magic)
    {
        final RecordFrame found = RecordFrame.ofMagic(magic);
        if (found != null)
        {
            return new JournalException("journal " + directory + " at index " + excerptAt + " (0x" +
                Long.toHexString(excerptAt) + ")" + (0 == slot ? "" : ", record " + slot + ",") + " holds an " +
                found.kind + " journal record (magic '" + RecordFrame.magicText(magic) + "'): this is an " + found.kind +
                " journal, not an " + frame.kind + " journal; read it with " + found.readerName);
        }
        return corrupt(excerptAt, slot, String.format(
            "bad magic 0x%08x '%s' (expected 0x%08x '%s'): not a Ringflow %s record",
            magic, RecordFrame.magicText(magic), frame.magic, RecordFrame.magicText(frame.magic), frame.journalName));
    }

    /** A corrupt record, found by the excerpt that holds it and its slot there. */
    private JournalException corrupt(final long excerptAt, final int slot, final String what)
    {
        return new JournalException("corrupt " + journalName() + " " + directory + " at " + where(excerptAt, slot) +
            ": " + what);
    }

    private String where(final long excerptAt, final int slot)
    {
        if (null == frame || 0 == frame.slotBits)
        {
            return (null == frame ? "index" : frame.indexName) + " " + excerptAt + " (0x" + Long.toHexString(excerptAt) + ")";
        }
        final long sequence = numbering.sequence(excerptAt, slot);
        return frame.indexName + " " + sequence + " (0x" + Long.toHexString(sequence) + "; record " + slot +
            " of the excerpt at index " + excerptAt + ")";
    }

    /** A corrupt record, found by its sequence or position. */
    private JournalException corrupt(final long index, final String what, final Throwable cause)
    {
        return new JournalException("corrupt " + journalName() + " " + directory + " at " +
            (null == frame ? "index" : frame.indexName) + " " + index + " (0x" + Long.toHexString(index) + "): " + what,
            cause);
    }
}
