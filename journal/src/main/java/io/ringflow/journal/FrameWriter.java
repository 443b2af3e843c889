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
 * on-heap buffer that the caller fills with one record (frame header from {@link #putFrameHeader} or
 * {@link #encode}, its own fields, the payload), and {@link #write}, which fills in the index and the
 * CRC32C and copies the record into one excerpt.
 * <p>
 * Encoding straight into the mapped excerpt would save the copy (tens of nanoseconds for small records)
 * but would hand the codec raw addresses of a chunked mapping that Chronicle only guarantees through its
 * own {@code Bytes}; the copy keeps the codec on a plain Agrona buffer and allocates nothing per record.
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
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final DiskSpaceGuard spaceGuard;
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
        this.spaceGuard = new DiskSpaceGuard(directory);   // after the queue: it made the directory
    }

    /** @return the record being built: header from offset 0, payload from the frame's header length. */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Encode a record's payload and write the frame header for it, schema included.
     *
     * @return the payload length, for {@link #write(int)}.
     */
    <T> int encode(final RecordCodec<T> codec, final T record)
    {
        final int maxLength = frame.recordLength(codec.maxEncodedLength());
        if (maxLength > buffer.capacity())
        {
            buffer.wrap(new byte[Math.max(maxLength, buffer.capacity() * 2)]);
        }
        final int payloadLength = codec.encode(record, buffer, frame.headerLength);
        putFrameHeader(codec.schemaId(), codec.schemaVersion(), payloadLength);
        return payloadLength;
    }

    void putFrameHeader(final int schemaId, final int schemaVersion, final int payloadLength)
    {
        buffer.putInt(RecordFrame.MAGIC_OFFSET, frame.magic, ORDER);
        buffer.putInt(RecordFrame.FORMAT_VERSION_OFFSET, frame.formatVersion, ORDER);
        buffer.putInt(frame.schemaIdOffset, schemaId, ORDER);
        buffer.putInt(frame.schemaVersionOffset, schemaVersion, ORDER);
        buffer.putInt(frame.payloadLengthOffset, payloadLength, ORDER);
    }

    /**
     * Append the record built in {@link #buffer()} as one excerpt.
     *
     * @return its index.
     */
    long write(final int payloadLength)
    {
        spaceGuard.beforeWriting(frame.crcOffset(payloadLength) + RecordFrame.TRAILER_LENGTH, lastWritten);
        try
        {
            // counted once the document is closed: closing completes its header, and that can fault too
            lastWritten = writeExcerpt(payloadLength);
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
            "file, most likely because the disk is full (" + ex.getMessage() + "); this entry was not appended, " +
            "entries up to sequence " + lastWritten + " (the last this writer appended, -1 if none) are intact; " +
            "the interrupted entry may remain, refused by readers' checksum: free space and continue in a new " +
            "journal directory", ex);
    }

    private long writeExcerpt(final int payloadLength)
    {
        final int crcOffset = frame.crcOffset(payloadLength);
        final byte[] bytes = buffer.byteArray();
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                // The index is only known once Chronicle holds the write lock, so the stored index and
                // the checksum over it are filled in here.
                final long index = dc.index();
                buffer.putLong(frame.indexOffset, index, ORDER);
                crc.reset();
                crc.update(bytes, 0, crcOffset);
                buffer.putInt(crcOffset, (int)crc.getValue(), ORDER);
                dc.wire().bytes().write(bytes, 0, crcOffset + RecordFrame.TRAILER_LENGTH);
                return index;
            }
            catch (final RuntimeException | Error ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
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

    long lastIndex()
    {
        return queue.lastIndex();
    }

    /** @return where the next append's sequence comes from, given this queue's roll cycle and epoch. */
    SequenceAllocator sequenceAllocator()
    {
        queue.refreshDirectoryListing();   // a cycle file another queue instance made (a pretouch) counts
        final int lastCycle = queue.lastCycle();
        return new SequenceAllocator(queue.rollCycle(), queue.epoch(), queue.lastIndex(),
            Integer.MAX_VALUE == lastCycle || lastCycle < 0 ? Integer.MIN_VALUE : lastCycle);
    }

    @Override
    public void close()
    {
        if (null != pageToucher)
        {
            pageToucher.close();
        }
        appender.close();
        queue.close();
    }
}
