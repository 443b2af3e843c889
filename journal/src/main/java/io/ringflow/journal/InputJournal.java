package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static io.ringflow.journal.JournalRecordDescriptor.*;

/**
 * Appends input records and control records to a Chronicle Queue in one directory, in the
 * {@link JournalRecordDescriptor} format. The sequence of an entry is its Chronicle index: it grows
 * with every append and continues across a reopen, but it is not dense across roll cycles (the cycle
 * number sits in the index's high bits), so never compute one sequence from another.
 * <p>
 * Each append encodes header and payload into one reused on-heap {@link UnsafeBuffer}, computes the
 * CRC32C there and copies the bytes into the excerpt once. Encoding straight into the mapped excerpt
 * would save that copy (tens of nanoseconds for small records) but would hand the codec raw addresses
 * of a chunked mapping that Chronicle only guarantees through its own {@code Bytes}; the copy keeps the
 * codec on a plain Agrona buffer and allocates nothing per record.
 * <p>
 * Operating notes: the first append of a roll cycle maps a new file (about 10 ms); call
 * {@link #pretouch()} at start-up and from the writer's idle loop so that the hot path does not pay it,
 * and keep the first appends out of latency figures. Every JVM that opens a journal needs the flags in
 * DESIGN.md, including {@code -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true}.
 * A reopened journal keeps the roll cycle it was created with.
 * <p>
 * Threading: one writer thread. Chronicle binds the appender to the first thread that writes; create,
 * append and close on that thread. Readers ({@link JournalReader}) may run concurrently on other threads.
 */
public final class InputJournal implements AutoCloseable
{
    /** Roll cycle used when none is given: a file a day, indexes with room for 2^32 entries a day. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);

    /**
     * Open or create a journal with {@link #DEFAULT_ROLL_CYCLE}.
     *
     * @param directory the queue's directory; created if absent.
     */
    public InputJournal(final Path directory)
    {
        this(directory, DEFAULT_ROLL_CYCLE);
    }

    /**
     * Open or create a journal.
     *
     * @param directory the queue's directory; created if absent.
     * @param rollCycle how often a new file starts; ignored for an existing journal, which keeps its own.
     */
    public InputJournal(final Path directory, final RollCycle rollCycle)
    {
        this.directory = directory;
        this.queue = ChronicleQueue.singleBuilder(directory).rollCycle(rollCycle).build();
        this.appender = queue.createAppender();
    }

    /**
     * Append one user record.
     *
     * @param codec          encodes the record; its schema id and version go into the header.
     * @param record         the record, unchanged.
     * @param eventTimestamp its event time, in the pipeline's unit.
     * @param ingestTimeNs   when the ingress accepted it, epoch nanoseconds.
     * @param <T>            record type.
     * @return its sequence (the Chronicle index).
     */
    public <T> long append(final RecordCodec<T> codec, final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        final int maxLength = recordLength(codec.maxEncodedLength());
        if (maxLength > scratch.capacity())
        {
            growScratch(maxLength);
        }
        final int payloadLength = codec.encode(record, scratch, HEADER_LENGTH);
        putHeader(TYPE_RECORD, codec.schemaId(), codec.schemaVersion(), payloadLength, ingestTimeNs, eventTimestamp);
        return write(payloadLength);
    }

    /**
     * @param watermark    the watermark, in the pipeline's time unit.
     * @param ingestTimeNs epoch nanoseconds.
     * @return its sequence.
     */
    public long appendWatermark(final long watermark, final long ingestTimeNs)
    {
        return appendControl(TYPE_WATERMARK, watermark, ingestTimeNs);
    }

    /**
     * @param processingTime the processing time that operators are to see, in the pipeline's unit.
     * @param ingestTimeNs   epoch nanoseconds.
     * @return its sequence.
     */
    public long appendProcessingTimeTick(final long processingTime, final long ingestTimeNs)
    {
        return appendControl(TYPE_PROCESSING_TIME_TICK, processingTime, ingestTimeNs);
    }

    /**
     * @param ingestTimeNs epoch nanoseconds.
     * @return its sequence.
     */
    public long appendEndOfStream(final long ingestTimeNs)
    {
        return appendControl(TYPE_END_OF_STREAM, 0L, ingestTimeNs);
    }

    /**
     * Map the current roll cycle's file now, so that the first append does not pay for it: writes a
     * metadata excerpt, which takes no index and which {@link JournalReader} never sees. Call on the
     * writer thread at start-up. It does not map the next cycle ahead of a roll: the appender's own
     * {@code pretouch()} overflows the stack in Chronicle Queue OSS 2026.4 (its fallback pretoucher
     * factory calls itself), so rolls still pay the mapping on their first append.
     */
    public void pretouch()
    {
        try (DocumentContext dc = appender.writingDocument(true))
        {
            dc.wire().bytes().writeInt(MAGIC);
        }
    }

    /** @return the journal's last sequence, or -1 if it is empty. */
    public long lastSequence()
    {
        return queue.lastIndex();
    }

    /** @return the journal's directory. */
    public Path directory()
    {
        return directory;
    }

    /** Release the appender and the queue's mappings. */
    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }

    private long appendControl(final int type, final long timestamp, final long ingestTimeNs)
    {
        putHeader(type, 0, 0, 0, ingestTimeNs, timestamp);
        return write(0);
    }

    private void putHeader(
        final int type,
        final int schemaId,
        final int schemaVersion,
        final int payloadLength,
        final long ingestTimeNs,
        final long timestamp)
    {
        scratch.putInt(MAGIC_OFFSET, MAGIC, ORDER);
        scratch.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION, ORDER);
        scratch.putInt(TYPE_OFFSET, type, ORDER);
        scratch.putInt(SCHEMA_ID_OFFSET, schemaId, ORDER);
        scratch.putInt(SCHEMA_VERSION_OFFSET, schemaVersion, ORDER);
        scratch.putInt(PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        scratch.putLong(INGEST_TIME_NS_OFFSET, ingestTimeNs, ORDER);
        scratch.putLong(TIMESTAMP_OFFSET, timestamp, ORDER);
    }

    private long write(final int payloadLength)
    {
        final int crcOffset = crcOffset(payloadLength);
        final byte[] bytes = scratch.byteArray();
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                // The index is only known once Chronicle holds the write lock, so the sequence and the
                // checksum over it are filled in here.
                final long index = dc.index();
                scratch.putLong(SEQUENCE_OFFSET, index, ORDER);
                crc.reset();
                crc.update(bytes, 0, crcOffset);
                scratch.putInt(crcOffset, (int)crc.getValue(), ORDER);
                dc.wire().bytes().write(bytes, 0, crcOffset + TRAILER_LENGTH);
                return index;
            }
            catch (final RuntimeException | Error ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
        }
    }

    private void growScratch(final int minCapacity)
    {
        scratch.wrap(new byte[Math.max(minCapacity, scratch.capacity() * 2)]);
    }
}
