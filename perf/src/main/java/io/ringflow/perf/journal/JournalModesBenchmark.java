package io.ringflow.perf.journal;

import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.WaitStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The same pipeline with the journal off, in {@link JournalMode#FAST fast} mode and in
 * {@link JournalMode#DURABLE durable} mode, side by side: what each journal mode costs in throughput (the
 * issue's target: durable mode costs at most 25%, i.e. its time per record is at most 4/3 of the journal-off
 * one). The chain, the same in every mode:
 * <pre>
 *   payments (10,000 cards, seeded, pre-generated) ─► event time (bound 5 ms) ─► keyBy(card)
 *     ─► tumbling 100 ms, count + sum ─► sink            (~102,000 window results per 1,000,000 payments)
 *
 *   off:     benchmark thread ─publish─► ingress ring ─► stage thread (YIELDING) ─► WindowTotals
 *   durable: benchmark thread ─append, 64 a batch─► input journal ─► pipeline thread: tail, stage ─► output journal ─► WindowTotals
 *   fast:    benchmark thread ─publish─► rings ─► pipeline thread: append to input journal, stage ─► output journal ─► WindowTotals
 * </pre>
 * {@link JournalOffRun}, {@link DurableModeRun} and {@link FastModeRun} draw each mode in full. Both journaled
 * modes are {@link DurablePipeline}s, stepped (every stage on {@code run()}'s thread), checkpointing every
 * 1 s or 1,000,000 records, waiting by yielding when idle, writing every result to an output journal with
 * {@link WindowTotals} as the callback behind it.
 * <p>
 * <b>Threads.</b> Two busy in every mode, for fairness on the 2-core development machine: the benchmark
 * thread, which is the producer and publishes as fast as the pipeline lets it, and one pipeline thread. The
 * journaled modes also have two mostly idle helpers: the input journal's page toucher and the checkpoint
 * writer. Journal off runs the stage on a thread of its own ({@code PipelineBuilder}'s threaded runtime)
 * rather than a stepped pipeline stepped by a second thread: that is how an application without a journal
 * runs the chain, and how the journal-off latency subject ({@code JournalOffSubject}) runs it, so throughput
 * and latency baselines agree; its thread loops {@code idle.idle(stage.doWork())}, the same stage code a
 * stepping thread would call, and a stepping loop written here would be code that no application runs. So
 * part of a difference is threaded against stepped; {@link DurablePipelineBenchmark} found the two equal
 * within noise on 2 cores.
 * <p>
 * <b>Measured</b>, one invocation: publishing every payment, the end-of-stream, and waiting until the
 * pipeline has delivered the last result and closed (journal off: {@code drain()} and {@code close()};
 * journaled: {@code run()} returned, which drains, waits for checkpoints in flight to commit, and closes
 * the journals and the runtime). Every producer reads {@code System.nanoTime()} once a record (the timed
 * publish's deadline, an ingest time). <b>Not measured</b>: generating the payments (once per trial), a
 * fresh pipeline per invocation in fresh temporary directories (invocation set-up: JVM and Chronicle class
 * loading, opening and pre-touching journals, recovery's look for a checkpoint, starting the threads), and
 * checking and deleting it (invocation tear-down).
 * <p>
 * <b>Score</b>: milliseconds per run of {@code records} payments, single shot, 5 warm-up and 5 measured
 * runs (the JIT needs about four runs to settle). {@code records} is a parameter, so the score is not
 * divided by it: ns per record = score × 10^6 / records, which at the default 1,000,000 is the score's own
 * number; the {@code [workload]} line prints each measured run in ns per record and their median. Each mode
 * runs in a fork of its own, so the three are compared from JMH's table.
 * <p>
 * <b>Checks</b>, every invocation, failing the benchmark: every mode delivers exactly the window results
 * computed from the input (one per card and window; the same number for all three modes, since they share
 * the input and the chain), whose counts add up to the records and whose sums to their amounts; the
 * journaled ones also report a fresh start, every record fed, the end-of-stream, every result appended to
 * the output journal and at least the checkpoints the record-count schedule takes.
 * <p>
 * Run: {@code perf/bin/bench JournalModes} (3 forks of 10 runs, ~1 min); smoke:
 * {@code perf/bin/bench JournalModes -p records=200000 -wi 1 -i 2}.
 * <p>
 * Threading: JMH's one benchmark thread runs set-ups, invocations and tear-downs ({@code Scope.Thread}),
 * which is what binds the durable input journal's appender and the fast ingress to it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class JournalModesBenchmark
{
    /** The input journal's directory under a run's root. */
    static final String INPUT = "input";
    private static final String PIPELINE_ID = "perf-journal-modes-v1";
    private static final int KEYS = 10_000;
    private static final long SEED = 42;
    private static final long WINDOW_MS = 100;
    private static final WindowResultCodec OUTPUT_CODEC = new WindowResultCodec(2);   // count, sum
    private static final long CHECKPOINT_EVERY_RECORDS = 1_000_000;
    private static final long CHECKPOINT_EVERY_MS = 1_000;
    private static final int CHECKPOINTS_RETAINED = 2;
    private static final int MAX_RUNS = 1_000;

    /** {@code off}, {@code durable} or {@code fast}. */
    @Param({"off", "durable", "fast"})
    String mode;

    /** Payments per run. */
    @Param({"1000000"})
    int records;

    /**
     * Journaled modes only (journal off always runs its stage on a thread of its own): {@code true} steps the
     * stage on {@code run()}'s thread, so every mode has two busy threads, which is all the 2-core development
     * VM has; {@code false} gives the stage a thread of its own beside {@code run()}'s (feeding in durable
     * mode, journaling in fast mode), for machines with cores to spare ({@code perf/bin/journal-suite}).
     */
    @Param({"true"})
    boolean stepped;

    private final long[] measuredRunNs = new long[MAX_RUNS];
    private PaymentBatch payments;
    private long expectedResults;
    private long amountSum;
    private boolean measuring;
    private WindowTotals totals;
    private JournalModeRun run;
    private long lastRunNs;
    private int measuredRuns;
    private int runs;
    private String lastRun = "-";

    /**
     * The chain every mode runs, on one stage.
     *
     * @param source the ingress: single-producer with the journal off, sequenced in a durable pipeline.
     * @param sink   the results' way out: {@link WindowTotals}, or the output journal.
     * @return the plan, not built.
     */
    static Pipeline<Payment> chain(final Source<Payment> source, final Sink<? super WindowResult> sink)
    {
        return Pipeline.from(source)
            .assignTimestamps("event-time", WatermarkStrategy.<Payment>forBoundedOutOfOrderness(
                PaymentWorkload.OUT_OF_ORDER_MS).withTimestampAssigner(Payment::timeMs))
            .keyBy(Payment::card)
            .window(Windows.tumbling(WINDOW_MS))
            .expectedKeys(KEYS)
            .aggregate("count-sum", Aggregates.of(Aggregates.count(), Aggregates.sum(Payment::amount)))
            // the threaded stage's wait with the journal off (a stepped stage has none): it shares two
            // cores with a producer that never stops, so it yields rather than spins
            .waitStrategy(WaitStrategy.YIELDING)
            .to(sink)
            .latencyTracking(false);   // two nanoTime() a record, and a throughput run's latency means nothing
    }

    /**
     * A journaled pipeline of the comparison, built, not run.
     *
     * @param root   a fresh directory for the input and output journals and the checkpoints.
     * @param mode    the journal mode.
     * @param stepped whether the stage runs on {@code run()}'s thread rather than its own.
     * @param totals  the callback behind the output journal.
     * @return the pipeline.
     */
    static DurablePipeline<Payment, WindowResult> journaled(
        final Path root, final JournalMode mode, final boolean stepped, final WindowTotals totals)
    {
        return DurablePipeline.<Payment, WindowResult>builder(PIPELINE_ID)
            .input(root.resolve(INPUT), Payment.CODEC, Payment.TYPE)
            .output(root.resolve("output"), OUTPUT_CODEC)
            .checkpoints(root.resolve("checkpoints"), CHECKPOINTS_RETAINED)
            .checkpointEvery(CHECKPOINT_EVERY_RECORDS, CHECKPOINT_EVERY_MS)
            .mode(mode)
            .stepped(stepped)
            // yield when caught up, as the journal-off stage does: the default backs off into parks
            .tailIdle(YieldingIdleStrategy.INSTANCE)
            .callback(totals)
            .plan(JournalModesBenchmark::chain)
            .build();
    }

    /**
     * @param records payments in a run.
     * @return the checkpoints the record-count schedule alone takes in such a run.
     */
    static long minimumCheckpoints(final long records)
    {
        return records / CHECKPOINT_EVERY_RECORDS;
    }

    @Setup(Level.Trial)
    public void generatePayments()
    {
        if (!"off".equals(mode) && !"durable".equals(mode) && !"fast".equals(mode))
        {
            throw new IllegalArgumentException("mode must be off, durable or fast, not '" + mode + "'");
        }
        payments = new PaymentBatch(KEYS, SEED, records);
        expectedResults = payments.distinctCardWindows(WINDOW_MS);
        amountSum = payments.amountSum();
    }

    @Setup(Level.Iteration)
    public void iteration(final IterationParams params)
    {
        measuring = IterationType.MEASUREMENT == params.getType();
    }

    @Setup(Level.Invocation)
    public void freshPipeline()
    {
        runs++;
        totals = new WindowTotals();
        switch (mode)
        {
            case "durable":
                run = new DurableModeRun(totals, stepped);
                break;
            case "fast":
                run = new FastModeRun(totals, stepped);
                break;
            default:
                run = new JournalOffRun(totals);
        }
    }

    @Benchmark
    public void publishAndFinish()
    {
        final long startNs = System.nanoTime();
        try
        {
            run.publishAllAndFinish(payments);
        }
        catch (final RuntimeException | Error ex)
        {
            closeAfterFailure(ex);   // JMH runs no tear-down after a failed invocation
            throw ex;
        }
        lastRunNs = System.nanoTime() - startNs;
    }

    @TearDown(Level.Invocation)
    public void checkAndClose()
    {
        try
        {
            run.verify(records, expectedResults);
            totals.verify(expectedResults, records, amountSum, mode);
            lastRun = run.describe();
            if (measuring && measuredRuns < MAX_RUNS)
            {
                measuredRunNs[measuredRuns++] = lastRunNs;
            }
        }
        finally
        {
            run.close();
            run = null;
        }
    }

    @TearDown(Level.Trial)
    public void printWorkload()
    {
        final long[] sorted = Arrays.copyOf(measuredRunNs, measuredRuns);
        Arrays.sort(sorted);
        final StringBuilder perRecord = new StringBuilder();
        for (int i = 0; i < measuredRuns; i++)
        {
            perRecord.append(i == 0 ? "" : " ").append(Math.round((double)measuredRunNs[i] / records));
        }
        final double medianNs = 0 == measuredRuns ? Double.NaN :
            (sorted[(measuredRuns - 1) / 2] + sorted[measuredRuns / 2]) / 2.0 / records;
        System.out.printf("%n[workload] mode=%s stepped=%b records=%d keys=%d window=%d ms: %d results per run, checked in each of " +
                "%d runs (the same count for every mode); measured ns/record: %s (median %.0f = %.2f M records/s); " +
                "last run: %s%n",
            mode, stepped, records, KEYS, WINDOW_MS, expectedResults, runs, perRecord, medianNs, 1e3 / medianNs, lastRun);
    }

    private void closeAfterFailure(final Throwable failure)
    {
        try
        {
            run.close();
        }
        catch (final RuntimeException | Error ex)
        {
            failure.addSuppressed(ex);
        }
    }
}
