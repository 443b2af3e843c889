package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.NexmarkStream;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Nexmark queries behind a thread hand-off, on the same generated events as {@link NexmarkBenchmark}: Ringflow's
 * runtime against a raw Disruptor and an {@code ArrayBlockingQueue}, the last two running the hand-written
 * queries of {@code NexmarkBenchmark}'s {@code handwritten} engine. Two threads each:
 * <pre>
 *   JMH thread (producer): NexmarkStream.next(slot) ×{@value #BATCH} ──► [ engine's ring or queue, {@value #CAPACITY} slots ]
 *                                                                              │
 *        └─ then spin until the consumer has processed them all                  ▼
 *                                   consumer thread: query + bounded out-of-orderness watermark ──► fingerprint
 *
 *   ringflow:       ingress ring ──► one BUSY_SPIN stage: OperatorChain[ timestamps and watermarks ──► query's chain ] ──► sink
 *   disruptor:      RingBuffer (BusySpinWaitStrategy) ──► BatchEventProcessor ──► hand-written query
 *   blocking-queue: ArrayBlockingQueue of 2 × capacity pooled events, put/take that park ──► hand-written query
 * </pre>
 * <b>What it measures.</b> The hand-off plus the query, with one producer and one consumer, the Ringflow and
 * Disruptor consumers busy-spinning: on the 2-core development VM the two threads take both cores, so the
 * figures also carry whatever else runs. The producer generates each event into the slot from the pre-generated
 * cycle (cheap column reads, as in {@code NexmarkBenchmark}). Score: events per second, all kinds
 * ({@value #BATCH} per invocation; each invocation ends when the consumer has processed them all, so none is in
 * flight between iterations). The single-thread figure to compare with is {@code NexmarkBenchmark}'s
 * {@code handwritten} engine.
 * <p>
 * <b>Equal work.</b> At tear-down the pipeline takes end of input (every open window fires), and its results'
 * {@link ResultFingerprint} (count and an order-independent checksum of every field and timestamp) is compared
 * with a single-thread reference run of the hand-written query over the same events ({@link ReferenceRun}, built at
 * set-up so that the check allocates little: JMH counts tear-down in the last iteration's allocation):
 * the run fails if they differ, or if a query emitted nothing. The {@code [workload]} line prints both.
 * <p>
 * <b>Allocation.</b> {@code -prof gc}: none per event on {@code ringflow} and {@code disruptor};
 * {@code blocking-queue} allocates the JDK's wait nodes when a thread parks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@Threads(1)
public class NexmarkPipelineBenchmark
{
    /** Events per invocation: 26 s of event time, large against the drain that ends each invocation. */
    static final int BATCH = 1 << 18;
    /** Slots in each ring or queue: Ringflow's default ring size. */
    static final int CAPACITY = 1 << 14;

    @Param({"Q0", "Q1", "Q2", "Q5", "Q7", "Q8"})
    public NexmarkBenchmark.Query query;

    /** {@code ringflow}, {@code disruptor} or {@code blocking-queue}. */
    @Param({"ringflow", "disruptor", "blocking-queue"})
    public String engine;

    private ReferenceRun<?> reference;
    private NexmarkStream events;
    private QueryPipeline pipeline;

    @Setup(Level.Trial)
    public void setUp()
    {
        final QueryPlan<?> plan = QueryPlan.of(query);
        events = QueryPlan.newEvents();
        reference = plan.reference();
        pipeline = PipelineEngine.named(engine).start(plan, CAPACITY);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void run()
    {
        pipeline.publish(events, BATCH);
        pipeline.awaitProcessed();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final ResultFingerprint<?> results = pipeline.finish();
        final long published = pipeline.published();
        final ResultFingerprint<?> expected = reference.run(published);
        System.out.printf("%n[workload] query=%s engine=%s events=%d %s reference: %s%n",
            query, engine, published, results, expected);
        if (results.count() == 0 || !results.matches(expected))
        {
            throw new IllegalStateException(query + " on " + engine + " is not the single-thread reference's work: " +
                results + " against " + expected + " over " + published + " events");
        }
    }
}
