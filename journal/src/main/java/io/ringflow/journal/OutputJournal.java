package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import net.openhft.chronicle.queue.RollCycle;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static io.ringflow.journal.OutputRecordDescriptor.*;

/**
 * Appends a pipeline's output records to a Chronicle Queue in one directory, in the
 * {@link OutputRecordDescriptor} format, each with its idempotency key (the input sequence that caused it
 * and its ordinal among that input's outputs). The position of an entry is its Chronicle index: it grows
 * with every append and continues across a reopen, but it is not dense across roll cycles, so never
 * compute one position from another.
 * <p>
 * Each append encodes header and payload into one reused on-heap buffer, computes the CRC32C there and
 * copies the bytes into the excerpt once; it allocates nothing per record. For exactly-once output after
 * a recovery, write through {@link OutputJournalSink}, which skips the outputs a replay regenerates.
 * <p>
 * Operating notes as for {@link InputJournal}: call {@link #pretouch()} at start-up so that the first
 * append does not map the cycle's file, and pass the JVM flags of DESIGN.md to every JVM that opens it.
 * <p>
 * Threading: one writer thread. Chronicle binds the appender to the first thread that writes, and
 * {@link #pretouch()} writes: create, pretouch, append and close on that thread. Readers
 * ({@link OutputJournalReader}) may run concurrently on other threads.
 */
public final class OutputJournal implements AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final Path directory;
    private final FrameWriter writer;

    /**
     * Open or create a journal with {@link InputJournal#DEFAULT_ROLL_CYCLE}.
     *
     * @param directory the queue's directory; created if absent.
     */
    public OutputJournal(final Path directory)
    {
        this(directory, InputJournal.DEFAULT_ROLL_CYCLE);
    }

    /**
     * Open or create a journal.
     *
     * @param directory the queue's directory; created if absent.
     * @param rollCycle how often a new file starts; ignored for an existing journal, which keeps its own.
     */
    public OutputJournal(final Path directory, final RollCycle rollCycle)
    {
        this.directory = directory;
        this.writer = new FrameWriter(RecordFrame.OUTPUT, directory, rollCycle);
    }

    /**
     * Append one output record.
     *
     * @param codec         encodes the record; its schema id and version go into the header.
     * @param record        the record, unchanged.
     * @param timestamp     its event time, in the pipeline's unit, or {@code Timestamps.NO_TIMESTAMP}.
     * @param inputSequence input journal sequence of the input that caused it.
     * @param ordinal       its place among that input's outputs, from 0.
     * @param <T>           record type.
     * @return its position (the Chronicle index).
     */
    public <T> long append(
        final RecordCodec<T> codec, final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        final int payloadLength = writer.encode(codec, record);
        final UnsafeBuffer buffer = writer.buffer();
        buffer.putInt(ORDINAL_OFFSET, ordinal, ORDER);
        buffer.putLong(INPUT_SEQUENCE_OFFSET, inputSequence, ORDER);
        buffer.putLong(TIMESTAMP_OFFSET, timestamp, ORDER);
        return writer.write(payloadLength);
    }

    /**
     * Map the current roll cycle's file now, so that the first append does not pay for it, as
     * {@link InputJournal#pretouch()} does and with the same limit: the next cycle is not mapped ahead.
     * Call on the writer thread at start-up.
     */
    public void pretouch()
    {
        writer.pretouch();
    }

    /**
     * Keep the pages the next appends will write faulted in from a daemon thread, as
     * {@link InputJournal#touchPagesAhead()} does. Call on the writer thread (or before handing the journal
     * to it); {@link #close()} stops the thread. Idempotent.
     *
     * @return this.
     */
    public OutputJournal touchPagesAhead()
    {
        writer.touchPagesAhead();
        return this;
    }

    /** @return the page toucher started by {@link #touchPagesAhead()}, or null. */
    PageToucher pageToucher()
    {
        return writer.pageToucher();
    }

    /** @return the journal's last position, or -1 if it is empty. */
    public long lastPosition()
    {
        return writer.lastExcerptIndex();   // one output per excerpt: its position is the index
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
        writer.close();
    }

    /** Let the next thread that appends own this journal: for a sink built on one thread and run on another. */
    void releaseThread()
    {
        writer.releaseThread();
    }
}
