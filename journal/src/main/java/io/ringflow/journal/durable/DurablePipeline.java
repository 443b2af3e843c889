package io.ringflow.journal.durable;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalException;
import io.ringflow.journal.JournalReader;
import io.ringflow.journal.OutputJournalSink;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A pipeline run from an input journal to an output journal with checkpoints, so that a run killed at
 * any moment and started again ends with exactly the output journal an uninterrupted run writes:
 * nothing lost, nothing duplicated.
 * <p>
 * {@link #run()} recovers first: it loads the newest valid checkpoint of this pipeline (an invalid one is
 * skipped loudly and the one before used), restores every stage's state from it, positions the input
 * journal after the checkpoint's input sequence and replays from there. The replay regenerates the
 * outputs written after the checkpoint before the crash; the output journal sink compares each with the
 * journaled one (same key, same bytes) instead of writing it again, then appends what is new. Inputs
 * are numbered by their journal sequences and processing time comes from journaled ticks, so the
 * replay is exact.
 * <pre>{@code
 * RecoveryReport report = DurablePipeline.<Txn, WindowResult>builder("velocity-v1")
 *     .input(inputDir, TXN_CODEC, Txn.TYPE)
 *     .output(outputDir, RESULT_CODEC)
 *     .checkpoints(checkpointDir, 3)
 *     .checkpointEvery(10_000, 1_000)
 *     .plan((source, sink) -> Pipeline.from(source)
 *         .assignTimestamps("event-time", strategy)
 *         .keyBy(Txn::card).window(Windows.tumbling(1_000)).aggregate("count", Aggregates.count())
 *         .to(sink))
 *     .build()
 *     .run();
 * }</pre>
 * The pipeline id names the pipeline and its state layout: recovery refuses checkpoints written under
 * another id, so change it when the plan changes incompatibly.
 * <p>
 * In the default {@link JournalMode#DURABLE} mode producers append to the input journal and the pipeline
 * tails it. In {@link JournalMode#FAST} mode the pipeline writes the input journal itself: after recovery,
 * {@link #fastIngress} hands one producer an ingress whose records enter the pipeline at once while
 * {@code run()}'s thread journals them beside processing; outputs and checkpoints wait for the journal, so
 * the output journal stays exact, and a record accepted but not yet journaled when the process dies is
 * lost (the producer resends from the journal's end).
 * <p>
 * Threading: {@link #run()} on one thread, which feeds the journal (fast mode: writes it);
 * {@link #stop()}, {@link #checkpointSoon()} and {@link #runtime()} from any thread;
 * {@link #fastIngress} from the one producer thread.
 *
 * @param <I> input record type.
 * @param <O> output record type.
 */
public final class DurablePipeline<I, O>
{
    /**
     * Stepped runs feed (or, fast, journal) this many entries, then step the stages: small, so that a backlog
     * is fed and processed in turns (a record waits for the entries after it in its batch to be fed first).
     */
    static final int STEPPED_BATCH = 32;

    private final Builder<I, O> config;
    private volatile boolean stopRequested;
    private final AtomicBoolean checkpointRequested = new AtomicBoolean();
    private volatile PipelineRuntime<I> running;
    private volatile CompletableFuture<FastIngress<I>> fastIngress = new CompletableFuture<>();
    private long fastRecordsJournaled;   // run()'s thread only

    private DurablePipeline(final Builder<I, O> config)
    {
        this.config = config;
    }

    /**
     * @param definition the pipeline's id, codecs, ring type and plan.
     * @param <I>        input record type.
     * @param <O>        output record type.
     * @return a builder with those set; add the directories.
     */
    public static <I, O> Builder<I, O> builder(final PipelineDefinition<I, O> definition)
    {
        final Builder<I, O> builder = new Builder<>(definition.id());
        builder.inputCodec = definition.inputCodec();
        builder.inputType = definition.inputType();
        builder.outputCodec = definition.outputCodec();
        builder.plan = definition::plan;
        return builder;
    }

    /**
     * @param pipelineId names the pipeline in its checkpoints.
     * @param <I>        input record type.
     * @param <O>        output record type.
     * @return a builder.
     */
    public static <I, O> Builder<I, O> builder(final String pipelineId)
    {
        return new Builder<>(pipelineId);
    }

    /**
     * The runtime of the run in progress, for live figures: its {@code latency()}, {@code stats()} and
     * {@code describeKey}. Read those from any thread; never publish into it (the journal is the only
     * input) nor stop it (call {@link #stop()}).
     *
     * @return the running pipeline, or null before {@link #run()} started it and after it returned.
     */
    public PipelineRuntime<I> runtime()
    {
        return running;
    }

    /**
     * Ask for a checkpoint besides the scheduled ones: its barrier goes in once the feeding thread has
     * caught up with the input journal (at once on a live journal; a replay catching up takes it at its
     * end) and a record came since the last barrier (the request waits for one); the schedule counts from
     * it. A request belongs to the run in progress or the next one. For a checkpoint
     * before maintenance, or to take a run's first checkpoint, whose snapshot code is not compiled yet
     * and pauses the stages several times longer than later ones, at a moment of your choosing. Any thread.
     */
    public void checkpointSoon()
    {
        checkpointRequested.set(true);
    }

    /**
     * In {@link JournalMode#FAST fast mode}, the producer's ingress: wait until {@link #run()}, on another
     * thread, has recovered and handed it over. The one thread that publishes must be the one that calls
     * this.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return the ingress of the run in progress.
     * @throws IllegalStateException if the run ended without one (the journal had ended, recovery failed —
     *                               the cause is attached — or the pipeline is not in fast mode).
     * @throws TimeoutException      if recovery is still running.
     * @throws InterruptedException  if interrupted while waiting.
     */
    public FastIngress<I> fastIngress(final long timeout, final TimeUnit unit) throws TimeoutException, InterruptedException
    {
        if (JournalMode.FAST != config.mode)
        {
            throw new IllegalStateException("durable pipeline '" + config.pipelineId + "' runs in " + config.mode +
                " mode: producers append to its input journal; fastIngress needs mode(JournalMode.FAST)");
        }
        try
        {
            return fastIngress.get(timeout, unit);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        }
    }

    /**
     * Ask {@link #run()} to return once it has caught up with the input journal, without end-of-stream. In
     * fast mode the producer owns the ingress, so the stop happens at its next call ({@link FastIngress}).
     * Sticky: a later {@code run()} of this object stops as soon as it has caught up; build a new
     * {@code DurablePipeline} to run on.
     */
    public void stop()
    {
        stopRequested = true;
    }

    /**
     * Recover, then feed the input journal until its end-of-stream entry (waiting for more entries while
     * the journal is live), drain, and close the journals.
     *
     * @return what the run did.
     * @throws JournalException for a corrupt journal or checkpoint that recovery cannot work around, a
     *                          checkpoint beyond the input journal's end, or a replay that diverged from
     *                          the output journal; the message names file, sequence and cause.
     */
    public RecoveryReport run()
    {
        if (fastIngress.isDone())
        {
            fastIngress = new CompletableFuture<>();
        }
        fastRecordsJournaled = 0;
        try
        {
            return recoverAndRun();
        }
        catch (final RuntimeException | Error ex)
        {
            fastIngress.completeExceptionally(ex);   // a producer waiting for the ingress learns why
            throw ex;
        }
        finally
        {
            fastIngress.completeExceptionally(new IllegalStateException("durable pipeline '" + config.pipelineId +
                "' ended its run without handing out a fast ingress (its input journal had ended, stop() was called " +
                "during recovery, or the run failed)"));
        }
    }

    private RecoveryReport recoverAndRun()
    {
        final CheckpointStore store = new CheckpointStore(config.checkpointDir, config.retain, config.hooks, config.warnings);
        if (JournalMode.FAST == config.mode && !Files.isDirectory(config.inputDir))
        {
            new InputJournal(config.inputDir).close();   // fast mode writes the journal: create it, empty
        }
        final Optional<Checkpoint> restored = store.latest(config.pipelineId);
        final long resumeOutput = restored.map(Checkpoint::outputPosition).orElse(-1L);
        try (OutputJournalSink<O> sink = new OutputJournalSink<>(config.outputDir, config.outputCodec, resumeOutput);
             JournalReader<I> reader = new JournalReader<>(config.inputDir, config.inputCodec);
             CheckpointCoordinator coordinator = new CheckpointCoordinator(store, config.pipelineId, sink::position))
        {
            if (config.trimInput)
            {
                coordinator.trimInputJournal(config.inputDir, config.warnings);
            }
            final JournalProgress progress = new JournalProgress(reader.lastSequence());
            final boolean fast = JournalMode.FAST == config.mode;
            final SequencedSink<O> output = gated(
                null == config.callback ? sink : new JournalAndCallbackSink<>(sink, config.callback), fast, progress);
            final Pipeline<I> plan = Objects.requireNonNull(config.plan.apply(
                Source.of(config.pipelineId, config.inputType).producerMode(ProducerMode.SEQUENCED), output),
                "the plan function returned null");
            plan.checkpoints(fast ? JournaledOutputs.checkpoints(coordinator, progress) : coordinator);
            restored.ifPresent(checkpoint ->
                plan.restoreFrom(stage -> checkpoint.snapshot(CheckpointCoordinator.snapshotName(stage))));
            if (config.stepped)
            {
                plan.stepped(new CachedEpochClock());
                if (fast)
                {
                    plan.ingressFromAnotherThread();   // the producer publishes, run()'s thread steps
                }
            }
            final long afterSequence = restored.map(Checkpoint::inputSequence).orElse(-1L);
            positionAfter(reader, afterSequence, restored);
            final PipelineRuntime<I> runtime = plan.build();
            try
            {
                runtime.start();
                final long firstCheckpointId = nextCheckpointId(store);
                final JournalFeeder<I> feeder = new JournalFeeder<>(reader, config.inputType,
                    runtime.sequencedIngress(), firstCheckpointId, afterSequence,
                    config.barrierRecords, config.barrierIntervalMs);
                if (null != config.ingestClock)
                {
                    feeder.latencyFrom(config.ingestClock);
                }
                running = runtime;
                final boolean ended = fast ?
                    recoverThenJournal(feeder, firstCheckpointId, coordinator, runtime, progress) :
                    feed(feeder, runtime, false);
                if (ended)
                {
                    runtime.drain();
                }
                else if (!fast)
                {
                    feeder.barrierNow();
                    // the last barrier sent: this one, or a scheduled one that fell on the last record
                    stopAtCheckpoint(lastBarrierSent(feeder, firstCheckpointId), coordinator, runtime);
                }
                coordinator.finish();   // every checkpoint handed over is committed before the report counts them
                return new RecoveryReport(
                    restored.map(Checkpoint::checkpointId).orElse(-1L), afterSequence,
                    feeder.recordsFed() + fastRecordsJournaled,
                    sink.skippedCount(), sink.appendedCount(), coordinator.committedCount(), ended);
            }
            catch (final RuntimeException | Error ex)
            {
                // Never drain after a failure: closing would end the stream, fire every window and journal
                // outputs a later run, resuming from a checkpoint, would never produce at this point.
                progress.fail(ex);   // a stage waiting for journaling (fast mode) must not wait forever
                runtime.abort();
                throw ex;
            }
            finally
            {
                running = null;
                runtime.close();
            }
        }
    }

    /** Above every committed id, the damaged ones recovery skipped included: ids never repeat. */
    private static long nextCheckpointId(final CheckpointStore store)
    {
        final List<Long> committed = store.committedIds();
        return committed.isEmpty() ? 1 : committed.get(committed.size() - 1) + 1;
    }

    private static <O> SequencedSink<O> gated(final SequencedSink<O> sink, final boolean fast, final JournalProgress progress)
    {
        return fast ? JournaledOutputs.sink(sink, progress) : sink;
    }

    /**
     * Fast mode: replay what the journal holds beyond the checkpoint (as durable mode does), then hand the
     * ingress to the producer and journal what it publishes until it ends the stream or halts.
     *
     * @return true if the stream ended (drain it), false if the run stopped at a checkpoint (already done).
     */
    private boolean recoverThenJournal(
        final JournalFeeder<I> feeder,
        final long firstCheckpointId,
        final CheckpointCoordinator coordinator,
        final PipelineRuntime<I> runtime,
        final JournalProgress progress)
    {
        if (feed(feeder, runtime, true))
        {
            return true;   // the journal had already ended: nothing for a producer to add
        }
        feeder.barrierNow();   // a checkpoint where the replay caught up, if it fed anything
        if (stopRequested || null != runtime.failure())
        {
            stopAtCheckpoint(lastBarrierSent(feeder, firstCheckpointId), coordinator, runtime);
            return false;
        }
        final FastRun<I> fastRun = new FastRun<>(this, config.inputDir, config.inputCodec, config.inputType,
            config.fastRingSize, null == config.ingestClock ? new IngestClock() : config.ingestClock, config.tailIdle,
            config.stepped);
        try
        {
            return fastRun.run(runtime, progress, new FastIngress.FeederState(feeder.nextCheckpointId(),
                    lastBarrierSent(feeder, firstCheckpointId), feeder.lastSequence()),
                config.barrierRecords, config.barrierIntervalMs, id -> stopAtCheckpoint(id, coordinator, runtime));
        }
        finally
        {
            fastRecordsJournaled = fastRun.recordsJournaled();
        }
    }

    /** @return the id of the feeder's last barrier, or -1 if it sent none (every one is this run's to wait for). */
    private static long lastBarrierSent(final JournalFeeder<?> feeder, final long firstCheckpointId)
    {
        return feeder.nextCheckpointId() > firstCheckpointId ? feeder.nextCheckpointId() - 1 : -1;
    }

    /** Hand the fast ingress to the producer waiting in {@link #fastIngress}. */
    void handOver(final FastIngress<I> ingress)
    {
        fastIngress.complete(ingress);
    }

    boolean stopRequested()
    {
        return stopRequested;
    }

    /** @return true once per {@link #checkpointSoon()} request, which it consumes. */
    boolean takeCheckpointRequest()
    {
        // a plain volatile read per record; the atomic swap only when a request is there
        return checkpointRequested.get() && checkpointRequested.getAndSet(false);
    }

    /**
     * @param untilCaughtUp return at the journal's current end instead of waiting for more.
     * @return true if the journal's end-of-stream was fed.
     */
    private boolean feed(final JournalFeeder<I> feeder, final PipelineRuntime<I> runtime, final boolean untilCaughtUp)
    {
        final IdleStrategy idle = config.tailIdle;
        final long batch = config.stepped ? STEPPED_BATCH : Long.MAX_VALUE;
        idle.reset();
        while (true)
        {
            final long entriesBefore = feeder.entriesFed();
            final JournalFeeder.Stop stop = feeder.feed(batch);
            if (config.stepped)
            {
                runtime.stepUntilIdle();
            }
            switch (stop)
            {
                case END_OF_STREAM:
                    return true;
                case PIPELINE_CLOSED:
                    return false;
                default:
                    // CAUGHT_UP: a stepped batch that came back full has not caught up yet, only paused to step
                    final boolean caughtUp = feeder.entriesFed() - entriesBefore < batch;
                    if (caughtUp && (stopRequested || untilCaughtUp))
                    {
                        return false;
                    }
                    if (checkpointRequested.get() && feeder.barrierNow() >= 0)
                    {
                        checkpointRequested.set(false);   // kept until a record comes for the barrier to cover
                    }
                    idle.idle((int)Math.min(Integer.MAX_VALUE, feeder.entriesFed() - entriesBefore));
            }
        }
    }

    /**
     * Stopping must not end the stream (that would fire every window, outputs a later run would not
     * make at this point), so the run checkpoints where it is and halts: the next run resumes there.
     */
    private void stopAtCheckpoint(final long id, final CheckpointCoordinator coordinator, final PipelineRuntime<I> runtime)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        while (id >= 0 && coordinator.lastCommittedId() < id && null == runtime.failure() && !coordinator.writeFailed())
        {
            if (config.stepped)
            {
                runtime.stepUntilIdle();
            }
            else
            {
                idle.idle();
            }
        }
        runtime.abort();
        if (null != runtime.failure())
        {
            throw new JournalException("durable pipeline '" + config.pipelineId + "' failed while stopping: " +
                runtime.failure(), runtime.failure());
        }
    }

    private static <I> void positionAfter(
        final JournalReader<I> reader, final long sequence, final Optional<Checkpoint> checkpoint)
    {
        try
        {
            reader.moveAfter(sequence);
        }
        catch (final JournalException ex)
        {
            if (checkpoint.isEmpty())
            {
                throw ex;   // from the start: the reader's message says why (a trimmed journal)
            }
            throw new JournalException("checkpoint " + checkpoint.map(Checkpoint::toString).orElse("?") +
                " points at input sequence " + sequence + ", which the input journal does not hold; it belongs " +
                "with another journal, or the journal lost entries: " + ex.getMessage(), ex);
        }
    }

    /**
     * Configures a {@link DurablePipeline}.
     * <p>
     * Threading: one thread.
     *
     * @param <I> input record type.
     * @param <O> output record type.
     */
    public static final class Builder<I, O>
    {
        private final String pipelineId;
        private Path inputDir;
        private RecordCodec<I> inputCodec;
        private RecordType<I> inputType;
        private Path outputDir;
        private RecordCodec<O> outputCodec;
        private Path checkpointDir;
        private int retain = 3;
        private long barrierRecords = 100_000;
        private long barrierIntervalMs = 1_000;
        private boolean stepped;
        private CheckpointStore.Hooks hooks = new CheckpointStore.Hooks()
        {
        };
        private Consumer<String> warnings = CheckpointStore.STDERR_WARNINGS;
        private IdleStrategy tailIdle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
        private BiFunction<Source<I>, SequencedSink<O>, Pipeline<I>> plan;
        private SequencedSink<O> callback;
        private IngestClock ingestClock;
        private JournalMode mode = JournalMode.DURABLE;
        private boolean trimInput;
        private int fastRingSize = 8192;

        private Builder(final String pipelineId)
        {
            this.pipelineId = Objects.requireNonNull(pipelineId, "pipelineId");
        }

        /**
         * @param directory the input journal (fast mode creates it if absent), with the codec and type already set (see
         *                  {@link DurablePipeline#builder(PipelineDefinition)}).
         * @return this.
         */
        public Builder<I, O> input(final Path directory)
        {
            this.inputDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param directory the output journal, with the codec already set.
         * @return this.
         */
        public Builder<I, O> output(final Path directory)
        {
            this.outputDir = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param directory the input journal.
         * @param codec     decodes its records.
         * @param type      holds them in the ingress ring.
         * @return this.
         */
        public Builder<I, O> input(final Path directory, final RecordCodec<I> codec, final RecordType<I> type)
        {
            this.inputDir = Objects.requireNonNull(directory, "directory");
            this.inputCodec = Objects.requireNonNull(codec, "codec");
            this.inputType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * @param directory the output journal; created if absent.
         * @param codec     encodes the pipeline's outputs.
         * @return this.
         */
        public Builder<I, O> output(final Path directory, final RecordCodec<O> codec)
        {
            this.outputDir = Objects.requireNonNull(directory, "directory");
            this.outputCodec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * @param directory where checkpoints go; created if absent.
         * @param retain    how many committed checkpoints to keep (at least 1; 2 or more lets recovery fall
         *                  back when the newest is damaged).
         * @return this.
         */
        public Builder<I, O> checkpoints(final Path directory, final int retain)
        {
            this.checkpointDir = Objects.requireNonNull(directory, "directory");
            this.retain = retain;
            return this;
        }

        /**
         * @param records    a barrier after this many records at most.
         * @param intervalMs and after this much wall time at most.
         * @return this.
         */
        public Builder<I, O> checkpointEvery(final long records, final long intervalMs)
        {
            this.barrierRecords = records;
            this.barrierIntervalMs = intervalMs;
            return this;
        }

        /**
         * @param plan builds the pipeline from the given source (sequenced) to the given sink (the output
         *             journal); called once per run.
         * @return this.
         */
        public Builder<I, O> plan(final BiFunction<Source<I>, SequencedSink<O>, Pipeline<I>> plan)
        {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /**
         * @param callback also receives every output, after the output journal took it, with its
         *                 idempotency key: at-least-once, since after a recovery it receives again the
         *                 outputs regenerated since the checkpoint (see {@link SequencedSink}). Runs on the
         *                 last stage's thread.
         * @return this.
         */
        public Builder<I, O> callback(final SequencedSink<O> callback)
        {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * @param stepped run the stages on the feeding thread instead of their own threads.
         * @return this.
         */
        public Builder<I, O> stepped(final boolean stepped)
        {
            this.stepped = stepped;
            return this;
        }

        /**
         * @param hooks called at the checkpoint store's commit steps (fault injection in crash tests).
         * @return this.
         */
        public Builder<I, O> hooks(final CheckpointStore.Hooks hooks)
        {
            this.hooks = Objects.requireNonNull(hooks, "hooks");
            return this;
        }

        /**
         * @param idle how the feeding thread waits while it has caught up with a live input journal: by
         *             default spin, yield, then park up to 1 ms; a busy-spin strategy gives the lowest
         *             latency at the cost of a core.
         * @return this.
         */
        public Builder<I, O> tailIdle(final IdleStrategy idle)
        {
            this.tailIdle = Objects.requireNonNull(idle, "idle");
            return this;
        }

        /**
         * Measure end-to-end latency from each record's journaled ingest time instead of from when the
         * feeding thread reads it, so that the journal append, the tail and the ring hop count too. Only
         * meaningful when the producers run in this JVM and stamp ingest times with {@code clock}; entries
         * stamped before it (a previous run's, replayed in recovery) count from their read.
         *
         * @param clock the producers' ingest clock.
         * @return this.
         */
        public Builder<I, O> latencyFrom(final IngestClock clock)
        {
            this.ingestClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param mode {@link JournalMode#DURABLE} (the default: producers append to the input journal, the
         *             pipeline tails it) or {@link JournalMode#FAST} (one producer publishes through
         *             {@link DurablePipeline#fastIngress}, the journal is written beside processing).
         * @return this.
         */
        public Builder<I, O> mode(final JournalMode mode)
        {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Input journal retention: after each checkpoint commit, delete the input journal's roll-cycle files
         * that lie wholly before the oldest retained checkpoint's input sequence ({@link
         * io.ringflow.journal.JournalRetention}); recovery never reads before it. Only this pipeline's
         * checkpoints are consulted: another pipeline or reader of the same journal loses what it had not read. The journal is then marked
         * trimmed: a replay or a recovery from its start is refused (start from a checkpoint instead), and
         * {@code ringflow replay --verify} over the whole stream is no longer possible. Off by default: a whole
         * journal is what replays and audits want; turn it on where the disk matters more. How much is kept
         * follows the roll cycle (a day's file by default) and {@code checkpoints(dir, retain)}.
         *
         * @param trim true to trim.
         * @return this.
         */
        public Builder<I, O> trimInputJournal(final boolean trim)
        {
            this.trimInput = trim;
            return this;
        }

        /**
         * @param slots fast mode: entries that may wait between the producer and the journaling thread
         *              before the producer is held back (a power of two; 8192 by default).
         * @return this.
         */
        public Builder<I, O> fastRingSize(final int slots)
        {
            this.fastRingSize = slots;
            return this;
        }

        /**
         * @param warnings receives recovery warnings (a damaged checkpoint skipped); stderr by default.
         * @return this.
         */
        public Builder<I, O> warnings(final Consumer<String> warnings)
        {
            this.warnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        /**
         * @return the configured pipeline.
         * @throws IllegalStateException naming what is missing.
         */
        public DurablePipeline<I, O> build()
        {
            final StringBuilder missing = new StringBuilder();
            missing.append(null == inputDir || null == inputCodec ? " input(…)" : "")
                .append(null == outputDir || null == outputCodec ? " output(…)" : "")
                .append(null == checkpointDir ? " checkpoints(…)" : "").append(null == plan ? " plan(…)" : "");
            if (missing.length() > 0)
            {
                throw new IllegalStateException("durable pipeline '" + pipelineId + "' needs" + missing);
            }
            if (retain < 1 || barrierRecords < 1 || barrierIntervalMs < 1)
            {
                throw new IllegalStateException("durable pipeline '" + pipelineId + "': retain " + retain +
                    ", checkpoint every " + barrierRecords + " records and " + barrierIntervalMs +
                    " ms must all be positive");
            }
            if (JournalMode.FAST == mode && (fastRingSize < 2 || Integer.bitCount(fastRingSize) != 1))
            {
                throw new IllegalStateException("durable pipeline '" + pipelineId + "': fast mode needs a ring size " +
                    "that is a power of two >= 2, was " + fastRingSize);
            }
            return new DurablePipeline<>(this);
        }
    }
}
