package io.ringflow.perf;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.stateless.MapOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A stateless stage: filter then map, fused by {@link OperatorChain} so that each operator calls the
 * next directly, one thread, no queue:
 * <pre>
 *   EventStream ──► OperatorChain[ FilterOperator (keep key % 4 != 0) ──► MapOperator (value * 3 + 1) ] ──► BlackholeOutput
 *        └─► maxTs - 5 - 1 advanced? ──► processWatermark (forwarded through both operators)
 * </pre>
 * <b>Workload.</b> Keys uniformly random in [0, 2^20), so the filter keeps three records in four
 * with no pattern a branch predictor can learn. The map writes into the one output record
 * {@link MapOperator} owns and reuses. Event time advances one tick every
 * {@value #RECORDS_PER_TICK} records, each moved up to {@value #OUT_OF_ORDER_TICKS} ticks back, so a
 * watermark passes through the chain every thousand records. Score: input records per second; this is
 * the floor cost of a stage before any keyed state.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class FilterMapChainBenchmark
{
    static final int BATCH = 1024;
    static final int CYCLE_RECORDS = 1 << 20;
    static final int RECORDS_PER_TICK = 1_000;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final long FIRST_TICK = 1_000_000;

    private final BlackholeOutput<Event> output = new BlackholeOutput<>();
    private OperatorChain<Event, Event> chain;
    private RecordDriver driver;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] keys = new long[CYCLE_RECORDS];
        final long[] timestamps = new long[CYCLE_RECORDS];
        for (int i = 0; i < CYCLE_RECORDS; i++)
        {
            keys[i] = random.nextLong(1 << 20);
            timestamps[i] = FIRST_TICK + i / RECORDS_PER_TICK - random.nextLong(OUT_OF_ORDER_TICKS + 1);
        }
        final EventStream stream = new EventStream(keys, timestamps, 0, (CYCLE_RECORDS + RECORDS_PER_TICK - 1) / RECORDS_PER_TICK);

        chain = OperatorChain.first(new FilterOperator<Event>("keep-three-in-four", event -> (event.key() & 3) != 0))
            .then(new MapOperator<Event, Event>("scale", (in, out) -> out.set(in.key(), in.value() * 3 + 1), Event::new));
        chain.open(output);
        driver = new RecordDriver(stream, OUT_OF_ORDER_TICKS, chain);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void filterThenMap(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] records=%d kept=%.1f%% watermarks=%d%n",
            driver.records(), 100.0 * output.records() / driver.records(), output.watermarks());
        chain.close();
        if (output.records() == 0 || output.watermarks() == 0)
        {
            throw new IllegalStateException("workload is not what it claims: nothing passed the filter, or no watermark");
        }
    }
}
