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

/**
 * The reading half that every journal kind shares: a tailer that copies each excerpt once into a reused
 * buffer and checks each record in it ({@link RecordCheck}; a sequence or position is made from the
 * excerpt's index and the record's slot, see {@link EntryNumbering}) before the caller reads its own fields
 * from {@link #buffer()}, a view of that one record. A failed check throws a {@link JournalException} naming
 * the directory and the entry; the records after it in the same excerpt are passed over, and the next call
 * goes on with the next excerpt.
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
    /** The excerpt read last, whole. */
    private final UnsafeBuffer excerpt;
    /** The record read last: a view of {@link #excerpt}. */
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[0]);
    private RecordFrame frame;
    private EntryNumbering numbering;
    private RecordCheck check;
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
        if (null == frame)
        {
            adopt(RecordCheck.frameOf(directory, excerpt, excerptLength, start, excerptIndex));
        }
        final int length = check.check(excerpt, excerptLength, start, slot, excerptIndex);
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
            throw check.corrupt(currentIndex, "payload does not decode: " + ex.getMessage(), ex);
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
            throw new JournalException((null == frame ? "journal" : frame.journalName) + " " + directory + " has no entry at " +
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
            frame.plausibleRecordLength(excerpt.getInt(nextOffset + frame.payloadLengthOffset, ORDER), remaining);
        nextOffset = length < 0 ? excerptLength : nextOffset + (int)length;
        nextSlot++;
        freshExcerpt = true;   // what a skip leads to is the first entry this position reads
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

    /**
     * @return an error naming this journal and an entry {@link #next()} read, and what is wrong with it.
     */
    JournalException corrupt(final long index, final String what)
    {
        return check.corrupt(index, what, null);
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
        check = new RecordCheck(directory, found, numbering);
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
            final long length = frame.plausibleRecordLength(bytes.readInt(at + frame.payloadLengthOffset), end - at);
            if (length < 0)
            {
                break;
            }
            at += length;
            records++;
        }
        return Math.max(records, 1);
    }
}
