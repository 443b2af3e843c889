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
 * and its ordinal among that input's outputs). The position of an entry is made from the index of the
 * Chronicle excerpt that holds it and its slot there: it grows with every append and continues across a
 * reopen, but it is not dense, so never compute one position from another.
 * <p>
 * Batches work as in {@link InputJournal}: {@link #appendToBatch} keeps an output for one excerpt of up to
 * {@link OutputRecordDescriptor#SLOTS_PER_EXCERPT}, appended when the batch is full, at
 * {@link #commitBatch()}, at the next {@link #append} (which joins it) and at {@link #close()}; readers see
 * none of it before. Each record is encoded into one reused on-heap buffer; the append computes the CRC32Cs
 * there and copies the bytes into the excerpt once; nothing is allocated per record. For exactly-once output after
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
     * Append one output record now, in one excerpt with the records of a batch not committed yet.
     *
     * @param codec         encodes the record; its schema id and version go into the header.
     * @param record        the record, unchanged.
     * @param timestamp     its event time, in the pipeline's unit, or {@code Timestamps.NO_TIMESTAMP}.
     * @param inputSequence input journal sequence of the input that caused it.
     * @param ordinal       its place among that input's outputs, from 0.
     * @param <T>           record type.
     * @return its position.
     */
    public <T> long append(
        final RecordCodec<T> codec, final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        return writer.write(encode(codec, record, timestamp, inputSequence, ordinal));
    }

    /**
     * Add one output record to the batch, appended as one excerpt when it is full, at {@link #commitBatch()},
     * at the next {@link #append}, or at {@link #close()}.
     *
     * @param codec         encodes the record; its schema id and version go into the header.
     * @param record        the record, unchanged; encoded now, so it may be reused at once.
     * @param timestamp     its event time, in the pipeline's unit, or {@code Timestamps.NO_TIMESTAMP}.
     * @param inputSequence input journal sequence of the input that caused it.
     * @param ordinal       its place among that input's outputs, from 0.
     * @param <T>           record type.
     */
    public <T> void appendToBatch(
        final RecordCodec<T> codec, final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        writer.batch(encode(codec, record, timestamp, inputSequence, ordinal));
    }

    /**
     * Append the records of the batch, if any, as one excerpt.
     *
     * @return the last position appended to this journal by this instance, or -1 if none was.
     */
    public long commitBatch()
    {
        return writer.commit();
    }

    /**
     * Drop the records added to the batch and not yet appended, as a crash would: for a sink closed after
     * its pipeline failed, whose recovery regenerates them.
     */
    public void discardBatch()
    {
        writer.discardBatch();
    }

    /** @return records added to the batch and not yet appended. */
    public int batched()
    {
        return writer.pending();
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

    /**
     * Read the journal's last position. Not for a hot path: it opens a reader.
     *
     * @return the journal's last position, or -1 if it is empty; records batched and not committed do not count.
     */
    public long lastPosition()
    {
        try (FrameReader reader = new FrameReader(RecordFrame.OUTPUT, directory, 0))
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

    /** @return the payload's length. */
    private <T> int encode(
        final RecordCodec<T> codec, final T record, final long timestamp, final long inputSequence, final int ordinal)
    {
        final int payloadLength = writer.encode(codec, record);
        final UnsafeBuffer buffer = writer.buffer();
        buffer.putInt(ORDINAL_OFFSET, ordinal, ORDER);
        buffer.putLong(INPUT_SEQUENCE_OFFSET, inputSequence, ORDER);
        buffer.putLong(TIMESTAMP_OFFSET, timestamp, ORDER);
        return payloadLength;
    }

    /** Let the next thread that appends own this journal: for a sink built on one thread and run on another. */
    void releaseThread()
    {
        writer.releaseThread();
    }
}
