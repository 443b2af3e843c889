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

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Keyed session windows (gap {@value #GAP_TICKS} ticks), count and sum per session, one thread:
 * <pre>
 *   EventStream ──► processRecord ──► WindowOperator (session gap 100, count + sum) ──► BlackholeOutput
 *        └─► maxTs - 5 - 1 advanced? ──► processWatermark
 * </pre>
 * <b>Workload.</b> {@code keys} users, each an independent stream of activity: after each record the
 * next one of the same key comes, with probability 0.9, 1 to 50 ticks later (half the gap: the session
 * extends) and otherwise 200 to 600 ticks later (two to six gaps: the session closes, fires when the
 * watermark passes its end, and a new one opens). Sessions therefore average ten records. Each key
 * starts at a random phase; all keys' records are merged in time order over {@value #CYCLE_TICKS}
 * ticks (about 100 records per key, 1M records at 10k keys, some 160 records per tick), then moved up
 * to {@value #OUT_OF_ORDER_TICKS} ticks into the past, so records of one key occasionally arrive out of
 * order; the watermark is {@code maxTimestamp - 5 - 1} and no record is ever late. The cycle repeats
 * with time moved on by {@value #CYCLE_TICKS} ticks.
 * <p>
 * Per record the operator finds the key's session list, and when the record extends a session it
 * merges: the old end's timer is deleted and a new one registered. Score: records per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SessionWindowBenchmark
{
    static final int BATCH = 1024;
    static final long GAP_TICKS = 100;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final long CYCLE_TICKS = 6_400;
    static final double EXTEND_PROBABILITY = 0.9;
    static final long FIRST_TICK = 1_000_000;

    @Param({"10000"})
    int keys;

    private final BlackholeOutput<WindowResult> output = new BlackholeOutput<>();
    private RecordDriver driver;
    private WindowOperator<Event, WindowResult> operator;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        // (tick << 32 | key) sorts by time, then key; keys < 2^32, ticks < 2^31.
        long[] packed = new long[keys * 128];
        int count = 0;
        for (int key = 0; key < keys; key++)
        {
            long tick = random.nextLong(GAP_TICKS);
            while (tick < CYCLE_TICKS)
            {
                if (count == packed.length)
                {
                    packed = Arrays.copyOf(packed, count * 2);
                }
                packed[count++] = tick << 32 | key;
                tick += random.nextDouble() < EXTEND_PROBABILITY ?
                    1 + random.nextLong(GAP_TICKS / 2) : 2 * GAP_TICKS + random.nextLong(4 * GAP_TICKS + 1);
            }
        }
        Arrays.sort(packed, 0, count);
        final long[] cycleKeys = new long[count];
        final long[] cycleTimestamps = new long[count];
        for (int i = 0; i < count; i++)
        {
            cycleKeys[i] = packed[i] & 0xFFFF_FFFFL;
            cycleTimestamps[i] = FIRST_TICK + (packed[i] >>> 32) - random.nextLong(OUT_OF_ORDER_TICKS + 1);
        }

        final EventStream stream = new EventStream(cycleKeys, cycleTimestamps, 0, CYCLE_TICKS);
        operator = WindowOperator.keyed("session-count-sum", Event::key)
            .window(Windows.session(GAP_TICKS))
            .expectedKeys(keys)
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        operator.open(output);
        driver = new RecordDriver(stream, OUT_OF_ORDER_TICKS, operator);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void countAndSumPerSession(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final WindowCounters counters = operator.counters();
        System.out.printf("%n[workload] keys=%d records=%d sessions fired=%d merges=%d late=%d " +
            "openWindows=%d pendingTimers=%d offHeapMiB=%d%n",
            keys, driver.records(), counters.onTimeFirings(), counters.sessionMerges(),
            counters.lateRecords(), operator.openWindows(), operator.pendingTimers(), operator.memoryBytes() >> 20);
        final boolean broken = counters.lateRecords() != 0 || output.sideRecords() != 0 ||
            counters.onTimeFirings() == 0 || counters.sessionMerges() == 0;
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: late records, no firing or no merge");
        }
    }
}
