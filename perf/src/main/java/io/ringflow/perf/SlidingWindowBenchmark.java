package io.ringflow.perf;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.window.WindowCounters;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowOperatorBuilder;
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
 * Keyed sliding window, count and sum per key, six windows per record (size = 6 × slide), one thread, on
 * {@link KeyedTumblingWindowBenchmark}'s workload: {@code keys} keys in shuffled permutations, each key about
 * once every 10 ticks, up to 5 ticks out of order, watermark {@code maxTimestamp - 5 - 1}, no record late.
 * <pre>
 *   EventStream ──► processRecord ──► WindowOperator (sliding 6 × slide every slide, count + sum) ──► BlackholeOutput
 * </pre>
 * {@code slideTicks} sets how many records a key has per slide: 10 ticks, about one (a pane holds one record,
 * the least favourable case for panes); 100 ticks, about ten (a per-minute window sliding every 10 s over a
 * card that pays every second looks like this). {@code panes}: every record updates its six windows' slots
 * (false) or its one pane (true, {@code WindowOperatorBuilder.panes()}); every slide each key's window fires,
 * and its oldest window (or pane) goes.
 * <p>
 * Score: records per second ({@value #BATCH} records per invocation).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class SlidingWindowBenchmark
{
    static final int BATCH = 1024;
    static final int WINDOWS_PER_RECORD = 6;

    @Param({"10000"})
    int keys;

    @Param({"10", "100"})
    long slideTicks;

    /** One accumulator per key and window (false), or per key and slide, merged when a window fires (true). */
    @Param({"false", "true"})
    boolean panes;

    private final BlackholeOutput<WindowResult> output = new BlackholeOutput<>();
    private RecordDriver driver;
    private WindowOperator<Event, WindowResult> operator;

    @Setup(Level.Trial)
    public void setUp()
    {
        final EventStream stream = EventStream.shuffledKeys(
            keys, keys / KeyedTumblingWindowBenchmark.TICKS_BETWEEN_RECORDS_OF_A_KEY,
            KeyedTumblingWindowBenchmark.FIRST_TICK, KeyedTumblingWindowBenchmark.OUT_OF_ORDER_TICKS);
        final WindowOperatorBuilder<Event> builder = WindowOperator.<Event>keyed("sliding-count-sum", Event::key)
            .window(Windows.sliding(WINDOWS_PER_RECORD * slideTicks, slideTicks))
            .expectedKeys(keys);
        operator = (panes ? builder.panes() : builder)
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        operator.open(output);
        driver = new RecordDriver(stream, KeyedTumblingWindowBenchmark.OUT_OF_ORDER_TICKS, operator);
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
        System.out.printf("%n[workload] keys=%d slide=%d records=%d firings=%d results=%d late=%d open=%d offHeapMiB=%d%n",
            keys, slideTicks, driver.records(), counters.onTimeFirings(), output.records(), counters.lateRecords(),
            operator.openWindows(), operator.memoryBytes() >> 20);
        final boolean broken = counters.lateRecords() != 0 || output.sideRecords() != 0 || counters.onTimeFirings() == 0;
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: late or rejected records, or no firing");
        }
    }
}
