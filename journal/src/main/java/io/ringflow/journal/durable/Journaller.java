package io.ringflow.journal.durable;

import com.lmax.disruptor.EventPoller;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.operators.record.RecordCodec;

/**
 * The fast mode's journaling half: appends what the {@link FastIngress} hands over, in order, each at its
 * allocated append time — a batched record into the journal's batch, committed where the producer's
 * allocator closed it — checks that the journal gave each entry, or each batch's last, the sequence the
 * pipeline already numbered it with, and advances the {@link JournalProgress} that outputs and checkpoints
 * wait on.
 * <p>
 * Threading: one thread, the one that opened the journal ({@code DurablePipeline.run()}'s).
 *
 * @param <T> record type.
 */
final class Journaller<T>
{
    private final InputJournal journal;
    private final RecordCodec<T> codec;
    private final EventPoller<JournalSlot<T>> poller;
    private final JournalProgress progress;
    private final EventPoller.Handler<JournalSlot<T>> append = this::append;
    private boolean endOfStream;
    private boolean halted;
    private long haltAfterCheckpoint = -1;
    private int polled;
    private int limit;
    private long records;

    Journaller(
        final InputJournal journal,
        final RecordCodec<T> codec,
        final EventPoller<JournalSlot<T>> poller,
        final JournalProgress progress)
    {
        this.journal = journal;
        this.codec = codec;
        this.poller = poller;
        this.progress = progress;
    }

    /**
     * Journal what the producer handed over since the last call, up to a limit.
     *
     * @param limit journal at most this many entries.
     * @return entries journaled.
     * @throws JournalException when an append fails or gets another sequence than allocated.
     */
    int poll(final int limit)
    {
        this.limit = limit;
        polled = 0;
        try
        {
            poller.poll(append);
        }
        catch (final Exception ex)
        {
            throw ex instanceof JournalException ? (JournalException)ex :
                new JournalException("fast mode: journaling to " + journal.directory() + " failed: " + ex, ex);
        }
        return polled;
    }

    /** @return records journaled. */
    long records()
    {
        return records;
    }

    /** @return true once the end of the stream is journaled. */
    boolean endOfStream()
    {
        return endOfStream;
    }

    /** @return true once the producer halted. */
    boolean halted()
    {
        return halted;
    }

    /** @return the checkpoint the halt waits for, or -1 for none. */
    long haltAfterCheckpoint()
    {
        return haltAfterCheckpoint;
    }

    private boolean append(final JournalSlot<T> slot, final long ringSequence, final boolean endOfBatch)
    {
        if (JournalSlot.SKIP == slot.kind)
        {
            return true;
        }
        if (JournalSlot.HALT == slot.kind)
        {
            halted = true;
            haltAfterCheckpoint = slot.value;
            return false;
        }
        journal.appendTimeMs(slot.appendTimeMs);
        final long sequence;
        switch (slot.kind)
        {
            case JournalSlot.RECORD:
                records++;
                if (!slot.commit)
                {
                    // checked, and made known to the waiting outputs, when its batch is committed
                    journal.appendToBatch(codec, slot.record, slot.timestamp, slot.ingestTimeNs);
                    polled++;
                    return polled < limit;
                }
                sequence = journal.append(codec, slot.record, slot.timestamp, slot.ingestTimeNs);
                break;
            case JournalSlot.COMMIT:
                sequence = journal.commitBatch();
                break;
            case JournalSlot.TICK:
                sequence = journal.appendProcessingTimeTick(slot.timestamp, slot.ingestTimeNs);
                break;
            default:
                sequence = journal.appendEndOfStream(slot.ingestTimeNs);
                endOfStream = true;
        }
        if (sequence != slot.sequence)
        {
            throw notOneWriter(slot.sequence, sequence);
        }
        progress.journaled(sequence);
        polled++;
        return !endOfStream && polled < limit;
    }

    private JournalException notOneWriter(final long expected, final long got)
    {
        return new JournalException("fast mode: input journal " + journal.directory() + " gave sequence " + got +
            " (0x" + Long.toHexString(got) + ") to the entry numbered " + expected + " (0x" +
            Long.toHexString(expected) + "): something else appended to it while the pipeline ran; a fast-mode " +
            "journal must have the pipeline as its one writer");
    }
}
