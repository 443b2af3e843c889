package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static io.ringflow.journal.JournalRecordDescriptor.*;

/**
 * Appends input records and control records to a Chronicle Queue in one directory, in the
 * {@link JournalRecordDescriptor} format. The sequence of an entry is made from the index of the Chronicle
 * excerpt that holds it and its slot there: it grows with every append and continues across a reopen, but
 * it is not dense (the cycle number sits in the high bits, the slot in the low ones), so never compute one
 * sequence from another.
 * <p>
 * <b>Batches.</b> Every Chronicle append costs over 100 ns of its own whatever it holds, more than a
 * pipeline spends on a record. {@link #appendToBatch} therefore only encodes a record and keeps it; the
 * records kept go into one excerpt, up to {@link JournalRecordDescriptor#SLOTS_PER_EXCERPT}, when the batch
 * is full, at {@link #commitBatch()}, at any other append (which joins them in that excerpt) and at
 * {@link #close()}. Until then readers do not see them and a crash loses them: a producer batches what it
 * has at hand and commits when it runs out, as a Disruptor handler does at the end of a batch, and so pays
 * one append per burst without holding a record back. The other appends write their excerpt at once. An
 * append that fails (a full disk) drops the batch it would have written, and its error says how many
 * entries that was: nothing is retried behind the caller's back.
 * <p>
 * Each record is encoded with its header into one reused on-heap {@link UnsafeBuffer}; the append computes
 * the CRC32Cs there and copies the bytes into the excerpt once; nothing is allocated per record.
 * <p>
 * Operating notes: the first append of a roll cycle maps a new file (about 10 ms); call
 * {@link #pretouch()} at start-up and from the writer's idle loop so that the hot path does not pay it,
 * and keep the first appends out of latency figures. On a disk-backed file system a write to a fresh page
 * of the mapping can wait milliseconds for a block allocation: {@link #touchPagesAhead()} moves that wait
 * to a background thread. Every JVM that opens a journal needs the flags in
 * DESIGN.md, including {@code -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true}.
 * A reopened journal keeps the roll cycle it was created with.
 * <p>
 * Threading: one writer thread per instance. Chronicle binds the appender to the first thread that writes;
 * create, append and close on that thread. Several producer threads journal at once by each opening an
 * {@code InputJournal} of their own on the same directory: Chronicle's write lock orders their appends
 * (each entry whole, sequences unique and increasing, each producer's order kept; tested). The lock is
 * contended then, so one producer per journal is the low-latency arrangement. Readers
 * ({@link JournalReader}) may run concurrently on other threads.
 */
public final class InputJournal implements AutoCloseable
{
    /**
     * Roll cycle used when none is given: a file a day ({@code yyyyMMdd'X'.cq4}), indexes with room for 2^38
     * entries a day, so 2^32 excerpts of up to 64 entries each (see {@link EntryNumbering}); Chronicle's
     * {@code FAST_DAILY}, with 2^32, would leave room for only 2^26 excerpts, 67 M a day, which a producer
     * appending each record on its own at 1 M/s fills in about a minute.
     */
    public static final RollCycle DEFAULT_ROLL_CYCLE = LargeRollCycles.XLARGE_DAILY;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final FrameWriter writer;
    private final AppendClock appendClock;

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
        this(directory, rollCycle, null);
    }

    private InputJournal(final Path directory, final RollCycle rollCycle, final AppendClock appendClock)
    {
        this.directory = directory;
        this.appendClock = appendClock;
        this.writer = new FrameWriter(RecordFrame.INPUT, directory, rollCycle, appendClock);
    }

    /**
     * Open or create a journal whose appends land in the roll cycle of the time set with
     * {@link #appendTimeMs(long)} rather than the wall clock's: with {@link #sequenceAllocator()}, the
     * sequences of the next entries are known before they are appended. For a journal with this one writer.
     *
     * @param directory the queue's directory; created if absent.
     * @param rollCycle how often a new file starts; ignored for an existing journal, which keeps its own.
     * @return the journal.
     */
    public static InputJournal withAppendClock(final Path directory, final RollCycle rollCycle)
    {
        return new InputJournal(directory, rollCycle, new AppendClock());
    }

    /**
     * Set the time the next appends are made at, which decides their roll cycle; see
     * {@link SequenceAllocator#appendTimeMs()}.
     *
     * @param timeMs epoch milliseconds.
     * @return this.
     * @throws IllegalStateException unless the journal was opened {@link #withAppendClock withAppendClock}.
     */
    public InputJournal appendTimeMs(final long timeMs)
    {
        if (null == appendClock)
        {
            throw new IllegalStateException("journal " + directory + " appends on the wall clock; open it withAppendClock");
        }
        appendClock.timeMs = timeMs;
        return this;
    }

    /**
     * @return an allocator of the sequences the next appends will get, from this journal's last entry on;
     *         exact only for a journal opened {@link #withAppendClock withAppendClock} with this one writer.
     */
    public SequenceAllocator sequenceAllocator()
    {
        return writer.sequenceAllocator();
    }

    /**
     * Append one user record now, in one excerpt with the records of a batch not committed yet.
     *
     * @param codec          encodes the record; its schema id and version go into the header.
     * @param record         the record, unchanged.
     * @param eventTimestamp its event time, in the pipeline's unit.
     * @param ingestTimeNs   when the ingress accepted it, epoch nanoseconds.
     * @param <T>            record type.
     * @return its sequence.
     */
    public <T> long append(final RecordCodec<T> codec, final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        return writer.write(encodeRecord(codec, record, eventTimestamp, ingestTimeNs));
    }

    /**
     * Add one user record to the batch, which is appended as one excerpt when it is full, at
     * {@link #commitBatch()}, at the next other append, or at {@link #close()}; see the class comment.
     *
     * @param codec          encodes the record; its schema id and version go into the header.
     * @param record         the record, unchanged; encoded now, so it may be reused at once.
     * @param eventTimestamp its event time, in the pipeline's unit.
     * @param ingestTimeNs   when the ingress accepted it, epoch nanoseconds.
     * @param <T>            record type.
     */
    public <T> void appendToBatch(final RecordCodec<T> codec, final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        writer.batch(encodeRecord(codec, record, eventTimestamp, ingestTimeNs));
    }

    /**
     * Append the records of the batch, if any, as one excerpt.
     *
     * @return the last sequence appended to this journal by this instance, or -1 if none was.
     */
    public long commitBatch()
    {
        return writer.commit();
    }

    /** @return records added to the batch and not yet appended. */
    public int batched()
    {
        return writer.pending();
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
        writer.pretouch();
    }

    /**
     * Keep the pages the next appends will write faulted in, from a daemon thread of this journal's own
     * ({@code journal-pages-<directory>}), so that an append does not wait for the kernel to back a fresh
     * page of the mapped file: on ext4 such a wait measured ~18 ms once every 8 MiB appended (see
     * {@link PageToucher}). Costs a mostly parked thread and a few mappings a second; leaves the data
     * untouched. For producers that care about their append latency on a disk-backed journal; call once,
     * on the writer thread; {@link #close()} stops the thread. Idempotent.
     *
     * @return this.
     */
    public InputJournal touchPagesAhead()
    {
        writer.touchPagesAhead();
        return this;
    }

    /** @return the page toucher started by {@link #touchPagesAhead()}, or null. */
    PageToucher pageToucher()
    {
        return writer.pageToucher();
    }

    /**
     * Read the journal's last sequence. Not for a hot path: it opens a reader.
     *
     * @return the journal's last sequence, or -1 if it is empty; records batched and not committed do not count.
     */
    public long lastSequence()
    {
        try (FrameReader reader = new FrameReader(RecordFrame.INPUT, directory, 0))
        {
            return reader.lastIndex();
        }
    }

    /** @return the journal's directory. */
    public Path directory()
    {
        return directory;
    }

    /** Append the records batched, if any, then release the appender and the queue's mappings. */
    @Override
    public void close()
    {
        writer.close();
    }

    /** The queue's clock for {@link #withAppendClock}: the writer thread sets it before it appends. */
    private static final class AppendClock implements TimeProvider
    {
        long timeMs = System.currentTimeMillis();

        @Override
        public long currentTimeMillis()
        {
            return timeMs;
        }
    }

    /** @return the payload's length. */
    private <T> int encodeRecord(final RecordCodec<T> codec, final T record, final long eventTimestamp, final long ingestTimeNs)
    {
        final int payloadLength = writer.encode(codec, record);
        putHeader(TYPE_RECORD, ingestTimeNs, eventTimestamp);
        return payloadLength;
    }

    private long appendControl(final int type, final long timestamp, final long ingestTimeNs)
    {
        writer.putFrameHeader(0, 0, 0);
        putHeader(type, ingestTimeNs, timestamp);
        return writer.write(0);
    }

    private void putHeader(final int type, final long ingestTimeNs, final long timestamp)
    {
        final UnsafeBuffer buffer = writer.buffer();
        buffer.putInt(TYPE_OFFSET, type, ORDER);
        buffer.putLong(INGEST_TIME_NS_OFFSET, ingestTimeNs, ORDER);
        buffer.putLong(TIMESTAMP_OFFSET, timestamp, ORDER);
    }
}
