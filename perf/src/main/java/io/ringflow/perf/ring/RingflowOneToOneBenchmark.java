package io.ringflow.perf.ring;

import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineBuilder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageSpec;
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
import java.util.concurrent.atomic.AtomicLong;

import static io.ringflow.perf.ring.OneToOneThroughput.BATCH;
import static io.ringflow.perf.ring.OneToOneThroughput.CAPACITY;

/**
 * The same hop as {@link RawDisruptorOneToOneBenchmark}, through Ringflow's runtime wired by hand (no DSL):
 * ingress, one stage running an identity chain (a filter that keeps everything), a sink. Follows
 * {@link OneToOneThroughput}:
 * <pre>
 *   JMH thread: ingress.tryPublish(COPY, source)  (single-producer ring; spins on BACK_PRESSURED)
 *        │
 *        ▼
 *   ingress ring (CAPACITY slots)
 *        │
 *        ▼
 *   stage thread (BUSY_SPIN): poll ─► filter(true) ─► SummingSink (sum += value; count published per batch)
 *        └─ the JMH thread spins until the sink's count reaches what it published
 * </pre>
 * What Ringflow adds to the raw ring: the event envelope (kind, sequence, watermark), the chain's
 * virtual calls, per-batch counters, and {@code latencyTracking} when on (two {@code System.nanoTime()}
 * calls per record; {@code @Param tracking}). Expect {@code gc.alloc.rate.norm} ≈ 0 B/op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@Threads(1)
public class RingflowOneToOneBenchmark
{
    private static final RecordType<LongEvent> LONG_EVENT =
        RecordType.of("LongEvent", LongEvent::new, (from, to) -> to.value = from.value);
    private static final RecordTranslator<LongEvent, LongEvent> COPY = (slot, source) -> slot.value = source.value;

    @Param({"false"})
    public boolean tracking;

    private PipelineRuntime<LongEvent> pipeline;
    private SummingSink sink;
    private final LongEvent source = new LongEvent();
    private long published;

    @Setup(Level.Trial)
    public void setUp()
    {
        sink = new SummingSink();
        pipeline = PipelineBuilder.ingress("one-to-one", LONG_EVENT, ProducerMode.SINGLE)
            .ingressRingSize(CAPACITY)
            .latencyTracking(tracking)
            .stage(StageSpec.of("identity", () -> new FilterOperator<LongEvent>("identity", event -> true))
                .waitStrategy(WaitStrategy.BUSY_SPIN)
                .batchLimit(CAPACITY))
            .build(sink)
            .start();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void passThrough()
    {
        final LongEvent source = this.source;
        long value = published;
        for (int i = 0; i < BATCH; i++)
        {
            source.value = value;
            while (PublishResult.OK != pipeline.ingress().tryPublish(COPY, source))
            {
                Thread.onSpinWait();
            }
            value++;
        }
        published = value;
        while (sink.delivered.get() < value)
        {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pipeline.close();
        OneToOneThroughput.verify("RingflowOneToOne", published, sink.sum);
    }

    /** Sums payloads on the stage thread; makes its count visible once per batch. */
    static final class SummingSink implements Sink<LongEvent>
    {
        final AtomicLong delivered = new AtomicLong();
        private long count;
        long sum;

        @Override
        public void onRecord(final LongEvent record, final long timestamp)
        {
            sum += record.value;
            count++;
        }

        @Override
        public void onEndOfBatch()
        {
            delivered.lazySet(count);
        }
    }
}
