package io.ringflow.perf;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.window.WindowCounters;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
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

import java.util.concurrent.TimeUnit;

/**
 * Keyed tumbling window, count and sum per key ({@code Aggregates.of(count(), sum(value))}), one thread,
 * records fed straight into {@link WindowOperator#processRecord} with the watermark generated per record:
 * <pre>
 *   EventStream ──► processRecord ──► WindowOperator (tumbling 100 ticks, count + sum) ──► BlackholeOutput
 *        │                                 ▲
 *        └─► maxTs - 5 - 1 advanced? ──────┘ processWatermark
 * </pre>
 * <b>Workload.</b> {@code keys} distinct keys (0 to keys - 1). One cycle of the input is
 * {@code max(4, 1e6 / keys)} shuffled permutations of all keys (1M records at 10k keys, 4M at 1M keys),
 * so every key recurs exactly once per {@code keys} records in an order the hash table cannot predict.
 * Event time advances one tick every {@code keys / 10} records, so each key is seen about once every 10
 * ticks; every record is moved up to {@value #OUT_OF_ORDER_TICKS} ticks into the past (uniformly), and
 * the watermark is {@code maxTimestamp - 5 - 1}, advanced once per tick: no record is ever late.
 * <p>
 * <b>Windows.</b> {@code windowTicks} = 100 ticks, so one window holds about 10 records per key
 * ({@code 10 * keys} records in all: 100k records at 10k keys, 10M at 1M keys). One record in ten
 * therefore opens a (key, window) slot and registers its timer; each window fires when the watermark
 * passes its end, emitting one result per key, and its state is removed. Open windows stay near
 * {@code keys} (up to twice that for the few ticks two windows overlap), and the operator is presized
 * with {@code expectedKeys(keys)}, so nothing grows in steady state.
 * <p>
 * Score: records per second ({@value #BATCH} records per invocation). At 1M keys a window is 10M
 * records, a few seconds, and all its million results fire in one burst when the watermark passes its
 * end; 5 s iterations hold one or two such bursts each, which is the largest part of the error there.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Thread)
public class KeyedTumblingWindowBenchmark
{
    /** Records per benchmark invocation. */
    static final int BATCH = 1024;
    /** Bounded out-of-orderness: how far back a record's timestamp may be. */
    static final long OUT_OF_ORDER_TICKS = 5;
    /** A key recurs about every 10 ticks: time advances one tick every {@code keys / 10} records. */
    static final int TICKS_BETWEEN_RECORDS_OF_A_KEY = 10;
    static final long FIRST_TICK = 1_000_000;

    @Param({"10000", "1000000"})
    int keys;

    /**
     * Tumbling window size: a key has about {@code windowTicks / 10} records per window. Only 100 is
     * reported; {@code -p windowTicks=1000000000} (windows never fire) isolates the per-record update path.
     */
    @Param({"100"})
    long windowTicks;

    private final BlackholeOutput<WindowResult> output = new BlackholeOutput<>();
    private RecordDriver driver;
    private WindowOperator<Event, WindowResult> operator;

    @Setup(Level.Trial)
    public void setUp()
    {
        final EventStream stream = EventStream.shuffledKeys(
            keys, keys / TICKS_BETWEEN_RECORDS_OF_A_KEY, FIRST_TICK, OUT_OF_ORDER_TICKS);
        operator = WindowOperator.keyed("tumbling-count-sum", Event::key)
            .window(Windows.tumbling(windowTicks))
            .expectedKeys(keys)
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        operator.open(output);
        driver = new RecordDriver(stream, OUT_OF_ORDER_TICKS, operator);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void countAndSum(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final WindowCounters counters = operator.counters();
        System.out.printf("%n[workload] keys=%d records=%d firings=%d results=%d late=%d openWindows=%d offHeapMiB=%d%n",
            keys, driver.records(), counters.onTimeFirings(), output.records(), counters.lateRecords(), operator.openWindows(),
            operator.memoryBytes() >> 20);
        final boolean windowsShouldHaveFired = driver.watermark() > FIRST_TICK + windowTicks;
        final boolean broken = counters.lateRecords() != 0 || output.sideRecords() != 0 ||
            (windowsShouldHaveFired && counters.onTimeFirings() == 0);
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: late or rejected records, or no firing");
        }
    }
}
