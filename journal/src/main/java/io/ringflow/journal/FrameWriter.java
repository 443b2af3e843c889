package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The appending half that every journal kind shares: a Chronicle queue and its appender, a reused
 * on-heap buffer that the caller fills with records (frame header from {@link #putFrameHeader} or
 * {@link #encode}, its own fields, the payload; {@link #batch} keeps one and starts the next), and
 * {@link #commit}, which fills in each record's sequence and CRC32C and copies the records into one
 * excerpt. {@link #write} keeps one and commits.
 * <p>
 * Encoding straight into the mapped excerpt would save the copy (tens of nanoseconds for small records)
 * but would hand the codec raw addresses of a chunked mapping that Chronicle only guarantees through its
 * own {@code Bytes}, and would hold Chronicle's write lock while records are added; the copy keeps the
 * codec on a plain Agrona buffer, takes the lock only to append, and allocates nothing per record.
 * <p>
 * Threading: one writer thread. Chronicle binds the appender to the first thread that writes, pretouch
 * included; {@link #releaseThread()} hands it on to another.
 */
final class FrameWriter implements AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final RecordFrame frame;
    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final EntryNumbering numbering;
    private final CRC32C crc = new CRC32C();
    /** The records added and not yet committed, back to back, then the one being built. */
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[256]);
    /** The record being built: a view of {@link #batch} from {@link #batchLength} on. */
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[0]);
    private final int[] recordOffsets;
    private final DiskSpaceGuard spaceGuard;
    private int records;
    private int batchLength;
    private long lastWritten = -1;
    private PageToucher pageToucher;
    private int touchedCycle = Integer.MIN_VALUE;

    FrameWriter(final RecordFrame frame, final Path directory, final RollCycle rollCycle)
    {
        this(frame, directory, rollCycle, null);
    }

    /**
     * @param cycleTime decides the roll cycle of each append instead of the wall clock; null for the wall clock.
     */
    FrameWriter(final RecordFrame frame, final Path directory, final RollCycle rollCycle, final TimeProvider cycleTime)
    {
        this.frame = frame;
        this.directory = directory;
        final SingleChronicleQueueBuilder builder = ChronicleQueue.singleBuilder(directory).rollCycle(rollCycle);
        this.queue = null == cycleTime ? builder.build() : builder.timeProvider(cycleTime).build();
        this.appender = queue.createAppender();
        this.numbering = new EntryNumbering(queue.rollCycle(), frame.slotBits);   // an existing queue's own cycle
        this.recordOffsets = new int[numbering.slotsPerExcerpt()];
        this.spaceGuard = new DiskSpaceGuard(directory);   // after the queue: it made the directory
        record.wrap(batch, 0, batch.capacity());
    }

    /** @return the record being built: header from offset 0, payload from the frame's header length. */
    UnsafeBuffer buffer()
    {
        return record;
    }

    /**
     * Encode a record's payload and write the frame header for it, schema included.
     *
     * @return the payload length, for {@link #batch(int)} or {@link #write(int)}.
     */
    <T> int encode(final RecordCodec<T> codec, final T value)
    {
        ensureRoom(frame.recordLength(codec.maxEncodedLength()));
        final int payloadLength = codec.encode(value, record, frame.headerLength);
        putFrameHeader(codec.schemaId(), codec.schemaVersion(), payloadLength);
        return payloadLength;
    }

    void putFrameHeader(final int schemaId, final int schemaVersion, final int payloadLength)
    {
        ensureRoom(frame.recordLength(payloadLength));
        record.putInt(RecordFrame.MAGIC_OFFSET, frame.magic, ORDER);
        record.putInt(RecordFrame.FORMAT_VERSION_OFFSET, frame.formatVersion, ORDER);
        record.putInt(frame.schemaIdOffset, schemaId, ORDER);
        record.putInt(frame.schemaVersionOffset, schemaVersion, ORDER);
        record.putInt(frame.payloadLengthOffset, payloadLength, ORDER);
    }

    /**
     * Keep the record built in {@link #buffer()} for the next {@link #commit()}, and start the next one;
     * commit at once when that fills an excerpt, so that a full batch does not wait for the next record.
     */
    void batch(final int payloadLength)
    {
        add(payloadLength);
        if (records == recordOffsets.length)
        {
            commit();
        }
    }

    private void add(final int payloadLength)
    {
        recordOffsets[records++] = batchLength;
        batchLength += frame.recordLength(payloadLength);
        record.wrap(batch, batchLength, batch.capacity() - batchLength);
    }

    /** @return records added and not yet committed. */
    int pending()
    {
        return records;
    }

    /**
     * Append the record built in {@link #buffer()}, after the records added before it, as one excerpt.
     *
     * @return its sequence.
     */
    long write(final int payloadLength)
    {
        add(payloadLength);
        return commit();
    }

    /**
     * Append the records added since the last commit as one excerpt; nothing if there are none.
     *
     * @return the last one's sequence, or the last sequence written before if there were none (-1 for none).
     */
    long commit()
    {
        if (0 == records)
        {
            return lastWritten;
        }
        try
        {
            spaceGuard.beforeWriting(batchLength, records, lastWritten);
            // counted once the document is closed: closing completes its header, and that can fault too
            lastWritten = writeExcerpt();
            if (null != pageToucher)
            {
                publishPosition();
            }
            return lastWritten;
        }
        catch (final InternalError ex)
        {
            throw fault(ex);
        }
        finally
        {
            // what failed to append is not retried with the next commit: the caller has the error
            clearBatch();
        }
    }

    /**
     * Chronicle writes through a memory mapping of a sparse file: when the file system cannot back a new
     * page (a full disk), the store faults and the JVM reports it as this InternalError — late, possibly
     * after Chronicle completed the excerpt's header, so the interrupted entry can remain with its bytes
     * lost (readers refuse it by checksum). Every earlier entry stays readable (tested on a full tmpfs).
     */
    private JournalException fault(final InternalError ex)
    {
        // the last index this writer appended, not queue.lastIndex(): reading the store back can fault too
        return new JournalException("journal " + directory + ": the append faulted writing the memory-mapped " +
            "file, most likely because the disk is full (" + ex.getMessage() + "); " +
            DiskSpaceGuard.notAppended(records) + ", " +
            "entries up to sequence " + lastWritten + " (the last this writer appended, -1 if none) are intact; " +
            "the interrupted entry may remain, refused by readers' checksum: free space and continue in a new " +
            "journal directory", ex);
    }

    private long writeExcerpt()
    {
        final byte[] bytes = batch.byteArray();
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                // The index is only known once Chronicle holds the write lock, so the stored sequences and
                // the checksums over them are filled in here.
                final long index = dc.index();
                if (numbering.excerptNumber(index) >= numbering.excerptsPerCycle())
                {
                    throw cycleFull(index);
                }
                long sequence = -1;
                for (int slot = 0; slot < records; slot++)
                {
                    final int start = recordOffsets[slot];
                    sequence = numbering.sequence(index, slot);
                    batch.putLong(start + frame.indexOffset, sequence, ORDER);
                    final int crcOffset = start + frame.crcOffset(batch.getInt(start + frame.payloadLengthOffset, ORDER));
                    crc.reset();
                    crc.update(bytes, start, crcOffset - start);
                    batch.putInt(crcOffset, (int)crc.getValue(), ORDER);
                }
                dc.wire().bytes().write(bytes, 0, batchLength);
                return sequence;
            }
            catch (final RuntimeException | Error ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
        }
    }

    private JournalException cycleFull(final long index)
    {
        return new JournalException(frame.journalName + " " + directory + ": roll cycle " + numbering.cycle(index) +
            " holds " + numbering.excerptsPerCycle() + " excerpts, the most whose entries its " + frame.indexName +
            "s can number (" + numbering.slotsPerExcerpt() + " an excerpt); " + DiskSpaceGuard.notAppended(records) +
            ": append more entries an excerpt (appendToBatch), or use a roll cycle with more room (a new journal " +
            "directory: an existing one keeps its own)");
    }

    /** Drop the records added and not yet committed. */
    void discardBatch()
    {
        clearBatch();
    }

    private void clearBatch()
    {
        records = 0;
        batchLength = 0;
        record.wrap(batch, 0, batch.capacity());
    }

    /** Grow the buffer, keeping the records added, so that the record being built can take this many bytes. */
    private void ensureRoom(final int recordLength)
    {
        if (batchLength + recordLength > batch.capacity())
        {
            final byte[] grown = new byte[Math.max(batchLength + recordLength, batch.capacity() * 2)];
            // all of it: the record being built may already hold its payload (a header is written after it)
            System.arraycopy(batch.byteArray(), 0, grown, 0, batch.capacity());
            batch.wrap(grown);
            record.wrap(batch, batchLength, grown.length - batchLength);
        }
    }

    /**
     * Map the current roll cycle's file by writing a metadata excerpt, which takes no index and which
     * readers never see.
     */
    void pretouch()
    {
        try (DocumentContext dc = appender.writingDocument(true))
        {
            dc.wire().bytes().writeInt(frame.magic);
        }
    }

    /**
     * Start a {@link PageToucher} that keeps the pages ahead of this writer faulted in. Idempotent; call
     * on the writer thread.
     */
    void touchPagesAhead()
    {
        if (null == pageToucher)
        {
            pageToucher = new PageToucher(directory.getFileName().toString());
            publishPosition();
        }
    }

    /** @return the page toucher, or null when none was asked for. */
    PageToucher pageToucher()
    {
        return pageToucher;
    }

    private void publishPosition()
    {
        final Wire wire = appender.wire();   // null until the appender has a file: the first append publishes
        final Bytes<?> bytes = null == wire ? null : wire.bytes();
        if (bytes instanceof MappedBytes)
        {
            final int cycle = appender.cycle();
            if (cycle != touchedCycle)
            {
                touchedCycle = cycle;   // once per roll cycle: the file lookup stays off the per-append path
                pageToucher.file(((MappedBytes)bytes).mappedFile().file());
            }
            pageToucher.writtenUpTo(bytes.writePosition());
        }
    }

    /** Let the next thread that writes own the appender; call before handing this writer to it. */
    void releaseThread()
    {
        appender.singleThreadedCheckReset();
    }

    /** @return where the next append's sequence comes from, given this queue's roll cycle and epoch. */
    SequenceAllocator sequenceAllocator()
    {
        queue.refreshDirectoryListing();   // a cycle file another queue instance made (a pretouch) counts
        final int lastCycle = queue.lastCycle();
        return new SequenceAllocator(queue.rollCycle(), numbering, queue.epoch(), queue.lastIndex(),
            Integer.MAX_VALUE == lastCycle || lastCycle < 0 ? Integer.MIN_VALUE : lastCycle);
    }

    /** Commit the records batched, if any, then release the appender, the queue and the page toucher. */
    @Override
    public void close()
    {
        try
        {
            commit();
        }
        finally
        {
            if (null != pageToucher)
            {
                pageToucher.close();
            }
            appender.close();
            queue.close();
        }
    }
}
