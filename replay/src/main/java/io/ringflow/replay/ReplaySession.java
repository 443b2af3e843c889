package io.ringflow.replay;

import io.ringflow.journal.JournalEntry;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.JournalRecordDescriptor;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.journal.durable.CheckpointCoordinator;
import io.ringflow.journal.durable.JournalFeeder;
import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.SequencedIngress;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.CheckpointListener;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStats;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedEpochClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays an input journal through a pipeline, deterministically, for debugging: one entry at a time,
 * up to a sequence, up to a breakpoint, or to the end; as fast as possible or paced by event time. At
 * any stop it shows each stage's watermark, the state of a key in every stage, and the stages' snapshots.
 * <p>
 * The pipeline runs stepped on the calling thread, fed the journal's entries with their sequences and
 * journaled processing time, so a replay makes exactly the outputs, with the same keys, that the
 * recorded run made. A replay that starts in the middle of the journal restores the newest checkpoint at
 * or before its start (when given a checkpoint directory) and replays from there, delivering outputs
 * only from the start on; without checkpoints it rebuilds state from the journal's beginning. With
 * {@code verifyAgainst}, every output is compared with the recorded output journal and the first
 * difference stops the replay ({@link StopReason#DIVERGED}), naming both outputs and the key's state.
 * <p>
 * Threading: one thread for everything; the session is not thread-safe.
 *
 * @param <I> input record type.
 * @param <O> output record type.
 */
public final class ReplaySession<I, O> implements AutoCloseable
{
    private static final long SNAPSHOT_BARRIER_BASE = Long.MAX_VALUE / 2;

    private final PipelineDefinition<I, O> definition;
    private final JournalReader<I> reader;
    private final JournalEntry<I> next;
    private final PipelineRuntime<I> runtime;
    private final SequencedIngress<I> ingress;
    private final ReplayOutputs<O> outputs;
    private final OutputJournalReader<O> recorded;
    private final RecordTranslator<I, I> copy;
    private final Pacer pacer;
    private final Checkpoint restored;
    private final Map<String, byte[]> snapshots = new LinkedHashMap<>();
    private boolean hasNext;
    private boolean ended;
    private long position;
    private long recordsProcessed;
    private long snapshotBarriers;

    private ReplaySession(final Builder<I, O> config)
    {
        this.definition = config.definition;
        final CheckpointStore store = null == config.checkpointDir ? null :
            new CheckpointStore(config.checkpointDir, Integer.MAX_VALUE, CheckpointStore.Hooks.NONE, config.warnings);
        this.reader = new JournalReader<>(config.inputDir, definition.inputCodec());
        try
        {
            final long fromSequence = resolveStart(config);
            this.restored = null == store || Long.MIN_VALUE == fromSequence ? null :
                store.latestAtOrBefore(definition.id(), fromSequence - 1).orElse(null);
            this.position = null == restored ? -1 : restored.inputSequence();
            this.recorded = null == config.verifyDir ? null :
                new OutputJournalReader<>(config.verifyDir, definition.outputCodec());
            if (null != recorded && null != restored)
            {
                recorded.moveAfter(restored.outputPosition());
            }
            this.outputs = new ReplayOutputs<>(
                config.sink, fromSequence, definition.outputCodec(), recorded, definition.outputKey());
            final Pipeline<I> plan = Objects.requireNonNull(definition.plan(
                Source.of(definition.id(), definition.inputType()).producerMode(ProducerMode.SEQUENCED), outputs),
                "the definition's plan is null");
            plan.stepped(new CachedEpochClock()).latencyTracking(false).checkpoints(new SnapshotCollector());
            if (null != restored)
            {
                plan.restoreFrom(stage -> restored.snapshot(CheckpointCoordinator.snapshotName(stage)));
            }
            this.runtime = plan.build();
            runtime.start();
            this.ingress = runtime.sequencedIngress();
            this.next = reader.newEntry();
            this.copy = (slot, record) -> definition.inputType().copy(record, slot);
            this.pacer = config.speed > 0 ? new Pacer(config.speed, config.clock) : null;
            positionReader();
        }
        catch (final RuntimeException | Error ex)
        {
            reader.close();
            throw ex;
        }
    }

    /**
     * @param definition the pipeline, as recorded.
     * @param inputDir   its input journal.
     * @param <I>        input record type.
     * @param <O>        output record type.
     * @return a builder.
     */
    public static <I, O> Builder<I, O> builder(final PipelineDefinition<I, O> definition, final Path inputDir)
    {
        return new Builder<>(definition, inputDir);
    }

    private long resolveStart(final Builder<I, O> config)
    {
        if (config.fromEventTime == Long.MIN_VALUE)
        {
            return config.fromSequence;
        }
        reader.toStart();
        final JournalEntry<I> scan = reader.newEntry();
        while (reader.next(scan))
        {
            if (scan.isRecord() && scan.timestamp() >= config.fromEventTime)
            {
                return scan.sequence();
            }
        }
        throw new JournalException("input journal " + reader.directory() + " has no record at or after event time " +
            config.fromEventTime);
    }

    private void positionReader()
    {
        reader.moveAfter(position);
        hasNext = reader.next(next);
    }

    /**
     * Process the next journal entry and everything it causes.
     *
     * @return false if there was none (end of stream passed, or end of the journal).
     */
    public boolean step()
    {
        if (ended || !hasNext && !(hasNext = reader.next(next)))
        {
            return false;
        }
        feed();
        runtime.stepUntilIdle();
        checkDivergence();
        return true;
    }

    /**
     * Process every entry up to and including {@code sequence}.
     *
     * @param sequence a journal sequence.
     * @return why it stopped.
     */
    public StopReason runTo(final long sequence)
    {
        return run(sequence, null, Long.MAX_VALUE);
    }

    /**
     * Process entries until the next record matches the breakpoint (it stays unprocessed: {@link #step()}
     * processes it).
     *
     * @param breakpoint the condition.
     * @return why it stopped.
     */
    public StopReason runUntil(final InputBreakpoint<I> breakpoint)
    {
        return run(Long.MAX_VALUE, Objects.requireNonNull(breakpoint, "breakpoint"), Long.MAX_VALUE);
    }

    /** @return why it stopped: end of stream, end of the journal, or a divergence. */
    public StopReason runToEnd()
    {
        return run(Long.MAX_VALUE, null, Long.MAX_VALUE);
    }

    /**
     * Process at most {@code entries} journal entries: a long replay in slices, between which a caller
     * shows progress.
     *
     * @param entries how many, at most.
     * @return {@link StopReason#LIMIT} if that many were processed, otherwise why it stopped earlier.
     */
    public StopReason runEntries(final long entries)
    {
        return run(Long.MAX_VALUE, null, entries);
    }

    private StopReason run(final long toSequence, final InputBreakpoint<I> breakpoint, final long maxEntries)
    {
        for (long entries = 0; ; entries++)
        {
            if (entries >= maxEntries)
            {
                runtime.stepUntilIdle();
                return checkDivergence() ? StopReason.DIVERGED : StopReason.LIMIT;
            }
            if (ended)
            {
                return StopReason.END_OF_STREAM;
            }
            if (!hasNext && !(hasNext = reader.next(next)))
            {
                runtime.stepUntilIdle();
                return checkDivergence() ? StopReason.DIVERGED : StopReason.END_OF_JOURNAL;
            }
            if (position >= toSequence)
            {
                runtime.stepUntilIdle();
                return checkDivergence() ? StopReason.DIVERGED : StopReason.REACHED_SEQUENCE;
            }
            if (null != breakpoint && next.isRecord() && breakpoint.test(next.record(), next.sequence(), next.timestamp()))
            {
                runtime.stepUntilIdle();
                return checkDivergence() ? StopReason.DIVERGED : StopReason.BREAKPOINT;
            }
            feed();
            // verifying or pacing, each entry is processed before the next is read: a divergence then stops
            // the replay right after the input that caused it, with that moment's state
            if (null != recorded || null != pacer)
            {
                runtime.stepUntilIdle();
                if (checkDivergence())
                {
                    return StopReason.DIVERGED;
                }
            }
        }
    }

    private void feed()
    {
        final long sequence = next.sequence();
        if (next.isRecord())
        {
            if (null != pacer)
            {
                pacer.await(next.timestamp());
            }
            recordsProcessed++;
        }
        final PublishResult result = JournalFeeder.publish(next, ingress, copy, 0, reader);
        ended = JournalRecordDescriptor.TYPE_END_OF_STREAM == next.type();
        if (PublishResult.OK != result)
        {
            throw new IllegalStateException("the replayed pipeline stopped taking input at sequence " + sequence +
                ": " + runtime.failure());
        }
        position = sequence;
        hasNext = false;
        if (ended)
        {
            runtime.stepUntilIdle();
            outputs.checkRecordingExhausted();
        }
    }

    private boolean checkDivergence()
    {
        final Divergence found = outputs.divergence();
        if (null == found)
        {
            return false;
        }
        if (found.keyState().isEmpty() && outputs.hasDivergentKey())
        {
            outputs.divergence(new Divergence(found.position(), found.inputSequence(), found.ordinal(),
                found.replayed(), found.recorded(), describeKey(outputs.divergentKey())));
        }
        return true;
    }

    /** @return the sequence of the last entry processed, or the restored checkpoint's, or -1. */
    public long position()
    {
        return position;
    }

    /** @return the next entry, peeked (after a breakpoint, the matching record), or empty at the journal's end. */
    public Optional<JournalEntry<I>> peek()
    {
        if (!hasNext && !ended)
        {
            hasNext = reader.next(next);
        }
        return hasNext ? Optional.of(next) : Optional.empty();
    }

    /** @return the checkpoint the replay started from, if any. */
    public Optional<Checkpoint> restoredCheckpoint()
    {
        return Optional.ofNullable(restored);
    }

    /** @return each stage's watermark and records, now. */
    public List<StageView> stages()
    {
        final List<StageView> views = new ArrayList<>();
        for (final StageStats stats : runtime.stats())
        {
            views.add(new StageView(stats.stage(), stats.watermark(), stats.outputWatermark(), stats.recordsIn()));
        }
        return views;
    }

    /**
     * @param key a key as the pipeline's keyed operators compute it.
     * @return its state in every stage (open windows and what they would emit, remembered ids, …).
     */
    public List<String> describeKey(final long key)
    {
        return runtime.describeKey(key);
    }

    /**
     * Every stage's state now, as the framed snapshots a checkpoint would hold: for comparing two runs
     * byte for byte. Sends a barrier through the pipeline, which changes nothing but the snapshots.
     *
     * @return snapshots by stage name, in pipeline order.
     */
    public Map<String, byte[]> snapshot()
    {
        snapshots.clear();
        ingress.barrier(SNAPSHOT_BARRIER_BASE + snapshotBarriers++, position);
        runtime.stepUntilIdle();
        return new LinkedHashMap<>(snapshots);
    }

    /** @return the first output that differed from the recording being verified, if any. */
    public Optional<Divergence> divergence()
    {
        checkDivergence();
        return Optional.ofNullable(outputs.divergence());
    }

    /** @return input records processed by this session (those after a restored checkpoint). */
    public long recordsProcessed()
    {
        return recordsProcessed;
    }

    /** @return outputs handed to the session's sink. */
    public long outputsDelivered()
    {
        return outputs.delivered();
    }

    /** @return outputs found equal to the recording. */
    public long outputsVerified()
    {
        return outputs.verified();
    }

    /** @return true once the journal's end-of-stream was processed. */
    public boolean isEnded()
    {
        return ended;
    }

    @Override
    public void close()
    {
        runtime.abort();
        reader.close();
        if (null != recorded)
        {
            recorded.close();
        }
    }

    /** Catches the snapshot barriers' stage states. */
    private final class SnapshotCollector implements CheckpointListener
    {
        @Override
        public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
        {
            final byte[] bytes = new byte[length];
            state.getBytes(0, bytes);
            snapshots.put(stageName, bytes);
        }

        @Override
        public void onBarrierAtSink(final long checkpointId, final long inputSequence)
        {
        }
    }

    /**
     * Configures a {@link ReplaySession}.
     * <p>
     * Threading: one thread.
     *
     * @param <I> input record type.
     * @param <O> output record type.
     */
    public static final class Builder<I, O>
    {
        private final PipelineDefinition<I, O> definition;
        private final Path inputDir;
        private Path checkpointDir;
        private Path verifyDir;
        private SequencedSink<O> sink;
        private long fromSequence = Long.MIN_VALUE;
        private long fromEventTime = Long.MIN_VALUE;
        private double speed;
        private PacingClock clock = PacingClock.SYSTEM;
        private Consumer<String> warnings = CheckpointStore.STDERR_WARNINGS;

        private Builder(final PipelineDefinition<I, O> definition, final Path inputDir)
        {
            this.definition = Objects.requireNonNull(definition, "definition");
            this.inputDir = Objects.requireNonNull(inputDir, "inputDir");
        }

        /**
         * @param directory the pipeline's checkpoints: a replay from the middle restores the newest one at
         *                  or before its start instead of replaying from the beginning.
         * @return this.
         */
        public Builder<I, O> checkpoints(final Path directory)
        {
            this.checkpointDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param sequence deliver outputs of inputs from this sequence on; earlier ones only rebuild state.
         * @return this.
         */
        public Builder<I, O> fromSequence(final long sequence)
        {
            this.fromSequence = sequence;
            this.fromEventTime = Long.MIN_VALUE;
            return this;
        }

        /**
         * @param eventTime start at the first record with at least this event timestamp (as journaled).
         * @return this.
         */
        public Builder<I, O> fromEventTime(final long eventTime)
        {
            this.fromEventTime = eventTime;
            return this;
        }

        /**
         * @param outputs receives the replay's outputs with their keys.
         * @return this.
         */
        public Builder<I, O> outputs(final SequencedSink<O> outputs)
        {
            this.sink = Objects.requireNonNull(outputs, "outputs");
            return this;
        }

        /**
         * @param recordedOutput an output journal written by this pipeline from this input: every output
         *                       is compared with it, and the first difference stops the replay.
         * @return this.
         */
        public Builder<I, O> verifyAgainst(final Path recordedOutput)
        {
            this.verifyDir = Objects.requireNonNull(recordedOutput, "recordedOutput");
            return this;
        }

        /**
         * Pace records by their journaled event timestamps: {@code speed} event-time milliseconds per
         * wall-clock millisecond (1 = as recorded, 10 = ten times faster); 0 (the default) = as fast as
         * possible. Assumes event time in milliseconds, DESIGN.md's default unit.
         *
         * @param speed the speed-up, {@code >= 0}.
         * @param clock the clock to wait on ({@link PacingClock#SYSTEM}).
         * @return this.
         */
        public Builder<I, O> paced(final double speed, final PacingClock clock)
        {
            if (!(speed >= 0) || Double.isInfinite(speed))
            {
                throw new IllegalArgumentException("replay speed must be a finite number >= 0, was " + speed);
            }
            this.speed = speed;
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param warnings receives warnings about damaged checkpoints passed over.
         * @return this.
         */
        public Builder<I, O> warnings(final Consumer<String> warnings)
        {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /**
         * @return an open session, positioned at its start (a restored checkpoint's sequence, or before the
         *         journal's first entry).
         * @throws JournalException if the journal is missing or corrupt, a start event time is past its
         *                          last record, or a checkpoint does not belong to it.
         */
        public ReplaySession<I, O> open()
        {
            return new ReplaySession<>(this);
        }
    }
}
