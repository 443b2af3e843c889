package io.ringflow.perf.journal;

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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;

/**
 * A whole {@link DurablePipeline} run, start to end-of-stream, over a pre-written input journal: the
 * throughput of a journal-fed pipeline (a replay), and what checkpoints cost it.
 * <pre>
 *   input journal (1,000,000 payments, 10,000 cards, end-of-stream; written once per trial)
 *     ─► JournalFeeder (JMH thread: read, check, decode, publish with its sequence; a barrier every N records)
 *     ─► stage: event time (bound 5 ms) ─► keyBy(card) ─► tumbling 100 ms, count + sum ─► OutputJournalSink
 *                                                     (~100,000 window results appended to the output journal)
 *     at each barrier: snapshot the window state, write and fsync the checkpoint, rename it into place
 * </pre>
 * One invocation is one {@code run()} of a fresh pipeline with fresh output and checkpoint directories
 * (made in an invocation-level set-up, deleted after), so it includes opening both journals, recovery's
 * look for a checkpoint (there is none), starting and stopping the stage, and the final flush of the
 * open windows. {@code @Param stepped}: {@code true} runs the stage on the JMH thread between batches
 * of 256 entries; {@code false} runs it on a thread of its own, busy-spinning (with the feeding thread, the
 * two cores of the development VM). {@code @Param checkpointEveryRecords}: 100,000 is ten checkpoints a
 * run, 1,000,000,000 none; the difference is what checkpoints cost. Latency tracking is off: a replay's
 * end-to-end latency means nothing, and it costs two {@code System.nanoTime()} per record.
 * <p>
 * Single-shot: each iteration is one run (0.2 to 1 s); the JIT needs about four runs to settle, hence
 * five warm-up runs. {@code @OperationsPerInvocation(1_000_000)} makes the score
 * nanoseconds per record ({@code 1e9 / score} = records per second; the replay target of 5 M records/s
 * is 200 ns/op). Each invocation's tear-down fails unless the run fed every record, reached the
 * end-of-stream, committed the expected checkpoints and appended exactly one result per (card, window).
 * <p>
 * Run: {@code perf/bin/bench DurablePipeline} (about 40 s).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class DurablePipelineBenchmark
{
    /** Payments in the input journal: the operations of one invocation. */
    static final int RECORDS = 1_000_000;
    private static final int KEYS = 10_000;
    private static final long WINDOW_MS = 100;
    private static final int SLOTS = 2;
    private static final WindowResultCodec OUTPUT_CODEC = new WindowResultCodec(SLOTS);

    @Param({"true", "false"})
    boolean stepped;

    @Param({"100000", "1000000000"})
    long checkpointEveryRecords;

    private Path root;
    private Path input;
    private Path output;
    private Path checkpoints;
    private long expectedResults;
    private int runs;
    private RecoveryReport report;

    @Setup(Level.Trial)
    public void setUp()
    {
        root = TempDirectories.create("ringflow-durable-");
        input = root.resolve("input");
        JournalFixtures.writeInput(input, new PaymentWorkload(KEYS, 42), RECORDS, true);
        expectedResults = distinctCardWindows(new PaymentWorkload(KEYS, 42));
    }

    @Setup(Level.Invocation)
    public void freshOutput()
    {
        runs++;
        output = root.resolve("output-" + runs);
        checkpoints = root.resolve("checkpoints-" + runs);
        report = null;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public RecoveryReport replay()
    {
        report = DurablePipeline.<Payment, WindowResult>builder("perf-durable-v1")
            .input(input, Payment.CODEC, Payment.TYPE)
            .output(output, OUTPUT_CODEC)
            .checkpoints(checkpoints, 2)
            .checkpointEvery(checkpointEveryRecords, Long.MAX_VALUE)
            .stepped(stepped)
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
            .build()
            .run();
        return report;
    }

    @TearDown(Level.Invocation)
    public void checkAndDelete()
    {
        try
        {
            final long expectedCheckpoints = checkpointEveryRecords <= RECORDS ? RECORDS / checkpointEveryRecords : 0;
            if (null == report || report.recordsFed() != RECORDS || !report.reachedEndOfStream() ||
                report.checkpointsCommitted() != expectedCheckpoints || report.outputsAppended() != expectedResults ||
                report.outputsVerified() != 0)
            {
                throw new IllegalStateException("expected " + RECORDS + " records fed, " + expectedCheckpoints +
                    " checkpoints and " + expectedResults + " results appended; the run " +
                    (null == report ? "failed" : report.describe()));
            }
        }
        finally
        {
            TempDirectories.deleteRecursively(output);
            TempDirectories.deleteRecursively(checkpoints);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] runs=%d records=%d keys=%d results=%d last run: %s%n",
            runs, RECORDS, KEYS, expectedResults, null == report ? "-" : report.describe());
        TempDirectories.deleteRecursively(root);
    }

    /** The results a run must append: one per (card, tumbling window) that holds a payment. */
    private static long distinctCardWindows(final PaymentWorkload workload)
    {
        final long firstWindow = Math.floorDiv(PaymentWorkload.FIRST_MS - PaymentWorkload.OUT_OF_ORDER_MS, WINDOW_MS);
        final BitSet seen = new BitSet();
        final Payment payment = new Payment();
        for (int i = 0; i < RECORDS; i++)
        {
            workload.next(payment);
            final long window = Math.floorDiv(payment.timeMs(), WINDOW_MS) - firstWindow;
            seen.set(Math.toIntExact(window * KEYS + payment.card()));
        }
        return seen.cardinality();
    }
}
