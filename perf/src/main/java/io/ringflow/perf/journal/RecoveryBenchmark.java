package io.ringflow.perf.journal;

import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.perf.TempDirectories;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.WaitStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Recovery time, the checkpoint issue's measure ("recovery of a 10 M-record journal with a checkpoint every
 * 1 M records finishes in ≤ 2 s"), in its worst case: the process died just before a scheduled checkpoint
 * committed, so the newest valid checkpoint is a whole interval behind the journal's end.
 * <pre>
 *   trial set-up, not measured (I = checkpointEvery, default 1,000,000; records default 10,000,000):
 *     input journal: records - 1 seeded payments (10k cards), no end-of-stream
 *     one DurablePipeline run over all of it, stop() asked before run(), the plan below:
 *       checkpoints 1 … records/I - 1 at records I, 2I, …, records - I (scheduled), and stop()'s at records - 1
 *     delete stop()'s checkpoint, manifest and snapshots: the crash came before it committed
 *     copy the checkpoint directory aside (pristine)
 *   measured, one invocation: a new DurablePipeline on the same three directories, stop() asked, run():
 *     load and verify the newest checkpoint (at record records - I) ─► restore the window state
 *     ─► position the input journal after its sequence ─► replay I - 1 records (999,999 by default):
 *          JournalFeeder ─► stage (BUSY_SPIN): event time (bound 5 ms) ─► keyBy(card) ─► tumbling 100 ms,
 *          count + sum ─► OutputJournalSink: every result compared with the journaled one, none appended
 *     ─► caught up with the journal: stop()'s barrier ─► checkpoint written, fsynced, committed ─► close
 *   invocation tear-down: check the RecoveryReport; put the pristine checkpoint directory back
 * </pre>
 * Why {@code records - 1}: with exactly {@code records} the last scheduled barrier falls on the journal's last
 * record, and {@code stop()} then halts the stages at once ({@code DurablePipeline.stopAtCheckpoint}: nothing
 * is left for its own barrier to cover), without waiting for that checkpoint or the outputs before it. One
 * record less puts every checkpoint of both runs where it is counted. The measured run takes no scheduled
 * checkpoint (interval {@code I} records, no timer: {@code I - 1} records come), only {@code stop()}'s.
 * <p>
 * The score is the whole recovery, milliseconds per invocation (target ≤ 2,000 ms): reading and
 * checksumming the checkpoint, restoring the open windows of 10k cards, opening both journals, the replay with
 * the output journal's comparisons, the final checkpoint's fsyncs, stopping the stage. What it does not
 * include: a cold JVM. The set-up's run compiles the same code, so every invocation, the first warm-up one
 * included, runs compiled code, with the journals in the page cache; a restarted process also loads classes
 * and compiles (the first runs of {@link DurablePipelineBenchmark} take 2–4 times as long), and after a reboot
 * reads the journals from disk. The stage runs on a thread of its own: in the stepped mode {@code run()}
 * heeds {@code stop()} after every 256 entries rather than at the journal's end, so a stop asked before
 * {@code run()} would end it after 256 records.
 * <p>
 * Each invocation's tear-down fails unless the run restored the checkpoint before the deleted one, fed exactly
 * {@code I - 1} records, verified exactly the results the output journal holds after that checkpoint's output
 * position (more than 0), appended none, committed one checkpoint and did not reach an end-of-stream.
 * <p>
 * Run: {@code perf/bin/bench Recovery} (the set-up writes ~1 GB of input journal in {@code java.io.tmpdir} and
 * runs the pipeline over it once; then 3 + 5 recoveries); smoke: {@code perf/bin/bench Recovery -p records=300000 -p checkpointEvery=100000 -wi 1 -i 2}.
 * <p>
 * Threading: JMH's one benchmark thread runs set-up, invocations and tear-downs; each journal is opened and
 * closed within one of those calls.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class RecoveryBenchmark
{
    private static final String PIPELINE_ID = "perf-recovery-v1";
    private static final int KEYS = 10_000;
    private static final long WINDOW_MS = 100;
    private static final int SLOTS = 2;
    private static final WindowResultCodec OUTPUT_CODEC = new WindowResultCodec(SLOTS);
    /** Enough for the restored checkpoint, the deleted one and the one each recovery commits. */
    private static final int RETAIN = 3;

    /** Records the journal would hold with the crashed checkpoint's record; it holds one less. */
    @Param({"10000000"})
    int records;

    /** Records between scheduled checkpoints; {@code records} must be a multiple of it, at least twice it. */
    @Param({"1000000"})
    int checkpointEvery;

    private Path root;
    private Path input;
    private Path output;
    private Path checkpoints;
    private Path pristine;
    private Checkpoint restorable;
    private long expectedVerified;
    private String setUpSummary;
    private int recoveries;
    private RecoveryReport report;

    @Setup(Level.Trial)
    public void setUp()
    {
        if (checkpointEvery < 1 || records % checkpointEvery != 0 || records / checkpointEvery < 2)
        {
            throw new IllegalArgumentException("records (" + records + ") must be a multiple of checkpointEvery (" +
                checkpointEvery + "), at least twice it");
        }
        root = TempDirectories.create("ringflow-recovery-");
        try
        {
            crashedRun();
        }
        catch (final RuntimeException | Error ex)
        {
            TempDirectories.deleteRecursively(root);   // JMH skips the trial tear-down of a failed set-up
            throw ex;
        }
    }

    private void crashedRun()
    {
        input = root.resolve("input");
        output = root.resolve("output");
        checkpoints = root.resolve("checkpoints");
        pristine = root.resolve("checkpoints-pristine");

        final long writeStartNs = System.nanoTime();
        JournalFixtures.writeInput(input, new PaymentWorkload(KEYS, 42), records - 1, false);
        final long runStartNs = System.nanoTime();
        final RecoveryReport first = recover();
        final long runEndNs = System.nanoTime();
        final long checkpointsTaken = records / checkpointEvery;
        if (first.restoredCheckpointId() >= 0 || first.recordsFed() != records - 1 || first.reachedEndOfStream() ||
            first.checkpointsCommitted() != checkpointsTaken || first.outputsAppended() == 0)
        {
            throw new IllegalStateException("the set-up run should have fed " + (records - 1) + " records and committed " +
                checkpointsTaken + " checkpoints; it " + first.describe());
        }

        final CheckpointStore store = new CheckpointStore(checkpoints, RETAIN);
        final List<Long> ids = store.committedIds();
        final long crashed = ids.get(ids.size() - 1);
        deleteCheckpoint(crashed);
        restorable = store.latest(PIPELINE_ID).orElseThrow(() -> new IllegalStateException("no checkpoint left"));
        if (restorable.checkpointId() != crashed - 1)
        {
            throw new IllegalStateException("after deleting checkpoint " + crashed + " recovery would restore " + restorable +
                ", not checkpoint " + (crashed - 1) + ": did the checkpoint directory's file names change?");
        }
        expectedVerified = outputsAfter(restorable);
        TempDirectories.copyRecursively(checkpoints, pristine);
        setUpSummary = String.format("set-up: journal written in %.1f s, first run %.1f s (%s)",
            (runStartNs - writeStartNs) / 1e9, (runEndNs - runStartNs) / 1e9, first.describe());
    }

    @Benchmark
    public RecoveryReport recover()
    {
        final DurablePipeline<Payment, WindowResult> pipeline = DurablePipeline.<Payment, WindowResult>builder(PIPELINE_ID)
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(output, OUTPUT_CODEC)
            .checkpoints(checkpoints, RETAIN)
            .checkpointEvery(checkpointEvery, Long.MAX_VALUE)   // by records only: where checkpoints fall is exact
            .plan((source, sink) -> Pipeline.from(source)
                .assignTimestamps("event-time", WatermarkStrategy.<Payment>forBoundedOutOfOrderness(
                    PaymentWorkload.OUT_OF_ORDER_MS).withTimestampAssigner(Payment::timeMs))
                .keyBy(Payment::card)
                .window(Windows.tumbling(WINDOW_MS))
                .expectedKeys(KEYS)
                .aggregate("count-sum", Aggregates.of(Aggregates.count(), Aggregates.sum(Payment::amount)))
                .waitStrategy(WaitStrategy.BUSY_SPIN)
                .to(sink)
                .latencyTracking(false))
            .build();
        // asked before run(): the feeder reads to the journal's current end, then run() checkpoints there and returns
        pipeline.stop();
        report = pipeline.run();
        return report;
    }

    @TearDown(Level.Invocation)
    public void checkAndRestore()
    {
        recoveries++;
        final RecoveryReport run = report;
        report = null;
        if (null == run || run.restoredCheckpointId() != restorable.checkpointId() ||
            run.restoredInputSequence() != restorable.inputSequence() || run.recordsFed() != checkpointEvery - 1 ||
            run.outputsVerified() != expectedVerified || run.outputsAppended() != 0 ||
            run.checkpointsCommitted() != 1 || run.reachedEndOfStream())
        {
            TempDirectories.deleteRecursively(root);   // JMH skips the trial tear-down once a benchmark failed
            throw new IllegalStateException("expected to restore " + restorable + ", replay " + (checkpointEvery - 1) +
                " records, verify " + expectedVerified + " results, append none and commit 1 checkpoint; the run " +
                (null == run ? "failed" : run.describe()));
        }
        TempDirectories.deleteRecursively(checkpoints);
        TempDirectories.copyRecursively(pristine, checkpoints);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] journal=%d records (no end-of-stream) keys=%d checkpointEvery=%d; recovery restores " +
            "checkpoint %d (input sequence %d), replays %d records, verifies %d results; recoveries=%d%n[workload] %s%n",
            records - 1, KEYS, checkpointEvery, restorable.checkpointId(), restorable.inputSequence(),
            checkpointEvery - 1, expectedVerified, recoveries, setUpSummary);
        TempDirectories.deleteRecursively(root);
    }

    /**
     * Delete a committed checkpoint as if the crash had come before its commit: its manifest (the commit point)
     * first, then its snapshots. The names are {@link CheckpointStore}'s documented layout.
     */
    private void deleteCheckpoint(final long checkpointId)
    {
        final String name = String.format("checkpoint-%019d", checkpointId);
        TempDirectories.deleteRecursively(checkpoints.resolve(name + ".manifest"));
        TempDirectories.deleteRecursively(checkpoints.resolve(name));
    }

    /** @return the results journaled after the checkpoint's output position: what the replay regenerates. */
    private long outputsAfter(final Checkpoint checkpoint)
    {
        try (OutputJournalReader<WindowResult> reader = new OutputJournalReader<>(output, OUTPUT_CODEC))
        {
            final OutputJournalEntry<WindowResult> entry = reader.newEntry();
            reader.moveAfter(checkpoint.outputPosition() == Checkpoint.NO_OUTPUT_POSITION ?
                OutputJournalReader.NO_POSITION : checkpoint.outputPosition());
            long count = 0;
            while (reader.next(entry))
            {
                count++;
            }
            return count;
        }
    }
}
