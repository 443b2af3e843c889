package io.ringflow.perf.ring;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.WindowResultType;
import io.ringflow.pipeline.runtime.PipelineBuilder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageSpec;
import org.agrona.concurrent.CachedEpochClock;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole runtime on one thread, stepped: what its machinery costs per record when no thread hand-off
 * is involved, and proof that none of it allocates (run with {@code -prof gc}).
 * <pre>
 *   JMH thread: ingress.tryPublish × BATCH, then stepUntilIdle()
 *      ingress ring ─► stage "time": TimestampsAndWatermarks (bound 0)
 *                      ─► PartitionedPublisher by key ─► 2 rings
 *      ─► stage "windows" ×2: keyed tumbling 100 ticks, count + sum  (watermark-after rides in the slots)
 *      ─► merge ring (2 producers, WatermarkCombiner) ─► stage "sink" ─► Blackhole
 * </pre>
 * Workload: 10,000 keys in random order, event time one tick per 10 records, so ~1 record per key per
 * window (each window fires with about one record: the firing path is exercised hard).
 * <p>
 * {@code @Param ingress}: {@code SINGLE} as drawn; {@code SEQUENCED} publishes through a sequenced ingress
 * (each record numbered, as a journal feeds it), so the partitions are merged in router order
 * ({@code MergedInput}: per-partition rings, merge orders, spill queues when a ring fills) — the path that
 * makes checkpoints across partitions consistent; its cost over {@code SINGLE} is the ordered merge.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SteppedPipelineBenchmark
{
    private static final int BATCH = 1024;
    private static final int KEYS = 10_000;
    private static final int CYCLE = 1 << 16;
    private static final RecordType<TimedEvent> TYPE = RecordType.of("TimedEvent", TimedEvent::new,
        (from, to) -> to.set(from.key, from.value, from.timeMs));
    private static final RecordTranslator<TimedEvent, TimedEvent> COPY = (slot, source) -> slot.set(source.key,
        source.value, source.timeMs);

    @Param({"SINGLE", "SEQUENCED"})
    public ProducerMode ingress;

    private final long[] keys = new long[CYCLE];
    private final TimedEvent source = new TimedEvent();
    private PipelineRuntime<TimedEvent> pipeline;
    private BlackholeSink sink;
    private long sent;

    @Setup(Level.Trial)
    public void setUp(final Blackhole blackhole)
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < CYCLE; i++)
        {
            keys[i] = random.nextInt(KEYS);
        }
        sink = new BlackholeSink(blackhole);
        pipeline = PipelineBuilder.ingress("stepped", TYPE, ingress)
            .ingressRingSize(BATCH * 2)
            .latencyTracking(false)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("time", () -> OperatorChain.first(new TimestampsAndWatermarksOperator<>("time",
                WatermarkStrategy.<TimedEvent>forBoundedOutOfOrderness(0).withTimestampAssigner(TimedEvent::timeMs)))))
            .stage(StageSpec.<TimedEvent, WindowResult>of("windows", () -> WindowOperator.keyed("w", TimedEvent::key)
                    .window(Windows.tumbling(100)).expectedKeys(KEYS)
                    .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(TimedEvent::value))))
                .inputType(TYPE).ringSize(BATCH).parallelism(2, TimedEvent::key))
            .stage(StageSpec.of("sink", () -> OperatorChain.first(
                    new io.ringflow.operators.stateless.FilterOperator<WindowResult>("all", result -> true)))
                .inputType(WindowResultType.withSlots(2)).ringSize(BATCH))
            .build(sink)
            .start();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndStep()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final long n = sent++;
            source.set(keys[(int)(n & (CYCLE - 1))], n, n / 10);
            final PublishResult result = ProducerMode.SEQUENCED == ingress ?
                pipeline.sequencedIngress().publish(COPY, source, n, 0) : pipeline.ingress().tryPublish(COPY, source);
            if (PublishResult.OK != result)
            {
                throw new IllegalStateException("the ingress ring holds two batches: it cannot be full here");
            }
        }
        pipeline.stepUntilIdle();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pipeline.close();
        System.out.printf("%n[workload] records=%d results=%d%n", sent, sink.results);
        if (sink.results == 0)
        {
            throw new IllegalStateException("no window fired");
        }
    }

    /** A record with a key, a value and an event time. */
    static final class TimedEvent
    {
        long key;
        long value;
        long timeMs;

        TimedEvent set(final long key, final long value, final long timeMs)
        {
            this.key = key;
            this.value = value;
            this.timeMs = timeMs;
            return this;
        }

        long key()
        {
            return key;
        }

        long value()
        {
            return value;
        }

        long timeMs()
        {
            return timeMs;
        }
    }

    /** Counts results and hands them to JMH's blackhole. */
    static final class BlackholeSink implements io.ringflow.pipeline.Sink<WindowResult>
    {
        private final Blackhole blackhole;
        long results;

        BlackholeSink(final Blackhole blackhole)
        {
            this.blackhole = blackhole;
        }

        @Override
        public void onRecord(final WindowResult record, final long timestamp)
        {
            results++;
            blackhole.consume(record);
        }
    }
}
