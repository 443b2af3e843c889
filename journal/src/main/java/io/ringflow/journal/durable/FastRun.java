package io.ringflow.journal.durable;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * The live part of a fast-mode run, after recovery: opens the input journal for appending, hands a
 * {@link FastIngress} to the producer and journals what it publishes, until the producer ends the
 * stream or halts, or the pipeline fails. Stepped, the same thread also runs every stage: one thread
 * produces and one journals and processes, which suits a machine with two cores.
 * <p>
 * Threading: {@code DurablePipeline.run()}'s thread, which owns the journal's appender.
 *
 * @param <T> record type.
 */
final class FastRun<T>
{
    private final DurablePipeline<T, ?> owner;
    private final Path inputDir;
    private final RecordCodec<T> codec;
    private final RecordType<T> type;
    private final int ringSize;
    private final IngestClock clock;
    private final IdleStrategy idle;
    private final boolean stepped;
    private long recordsJournaled;

    FastRun(
        final DurablePipeline<T, ?> owner,
        final Path inputDir,
        final RecordCodec<T> codec,
        final RecordType<T> type,
        final int ringSize,
        final IngestClock clock,
        final IdleStrategy idle,
        final boolean stepped)
    {
        this.owner = owner;
        this.inputDir = inputDir;
        this.codec = codec;
        this.type = type;
        this.ringSize = ringSize;
        this.clock = clock;
        this.idle = idle;
        this.stepped = stepped;
    }

    /**
     * @param stopAtCheckpoint waits for the given checkpoint to commit (none for -1) and stops the pipeline.
     * @return true when the stream ended (the caller drains), false when it stopped at a checkpoint.
     * @throws JournalException when journaling fails, or (stepped) a PipelineException when a stage fails; the
     *                          pipeline is stopped first.
     */
    boolean run(
        final PipelineRuntime<T> runtime,
        final JournalProgress progress,
        final FastIngress.FeederState feeder,
        final long barrierRecords,
        final long barrierIntervalMs,
        final LongConsumer stopAtCheckpoint)
    {
        // Single producer; the journaling thread polls (it never blocks inside the ring).
        final RingBuffer<JournalSlot<T>> ring =
            RingBuffer.createSingleProducer(() -> new JournalSlot<>(type), ringSize, new BusySpinWaitStrategy());
        final EventPoller<JournalSlot<T>> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        try (InputJournal journal = InputJournal.withAppendClock(inputDir, InputJournal.DEFAULT_ROLL_CYCLE))
        {
            journal.pretouch();
            journal.touchPagesAhead();
            final Journaller<T> journaller = new Journaller<>(journal, codec, poller, progress);
            if (stepped)
            {
                progress.journalWhileWaiting(() -> journaller.poll(DurablePipeline.STEPPED_BATCH));
            }
            final FastIngress<T> ingress = new FastIngress<>(runtime.sequencedIngress(), type, ring,
                journal.sequenceAllocator(), clock, owner, feeder, barrierRecords, barrierIntervalMs);
            owner.handOver(ingress);
            try
            {
                return journalUntilDone(journaller, runtime, stopAtCheckpoint);
            }
            catch (final RuntimeException | Error ex)
            {
                progress.fail(ex);
                ingress.journalFailed();
                runtime.abort();
                throw ex;
            }
            finally
            {
                recordsJournaled = journaller.records();
            }
        }
    }

    /** @return records the producer published and this run journaled. */
    long recordsJournaled()
    {
        return recordsJournaled;
    }

    private boolean journalUntilDone(
        final Journaller<T> journaller, final PipelineRuntime<T> runtime, final LongConsumer stopAtCheckpoint)
    {
        idle.reset();
        while (true)
        {
            // stepped: this thread runs the stages too, after journaling what came (a stage that meets a
            // record newer than the journal journals on from its wait: JournalProgress)
            // stepped: a bounded batch, so that a backlog is journaled and processed in turns, not all
            // journaled before the first of it is processed
            final int work = stepped ?
                journaller.poll(DurablePipeline.STEPPED_BATCH) + runtime.step() : journaller.poll(Integer.MAX_VALUE);
            if (journaller.endOfStream())
            {
                return true;
            }
            if (journaller.halted())
            {
                stopAtCheckpoint.accept(journaller.haltAfterCheckpoint());
                return false;
            }
            if (null != runtime.failure())
            {
                while (journaller.poll(Integer.MAX_VALUE) > 0)
                {
                    // keep what the producer was told OK for: recovery will process it
                }
                stopAtCheckpoint.accept(-1);   // throws, naming the failure
                return false;
            }
            idle.idle(work);
        }
    }
}
