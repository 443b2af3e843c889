package io.ringflow.perf;

import io.ringflow.operators.dedup.DedupOperator;
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
 * Deduplication of transaction ids with an event-time TTL, one thread:
 * <pre>
 *   EventStream ──► processRecord ──► DedupOperator (ttl 100 ticks) ──► BlackholeOutput (first sightings)
 *        │                                 └──────────────────────────► side output (duplicates)
 *        └─► maxTs - 5 - 1 advanced? ──► processWatermark (expires ids)
 * </pre>
 * <b>Workload.</b> Event time advances one tick every {@value #RECORDS_PER_TICK} records, each moved up
 * to {@value #OUT_OF_ORDER_TICKS} ticks into the past; the watermark is {@code maxTimestamp - 5 - 1}.
 * 95% of records carry a new id (a counter, as transaction ids are), 5% repeat the id of a record 1 to
 * {@value #MAX_DUPLICATE_DISTANCE} records earlier (up to 50 ticks back, inside the
 * {@value #TTL_TICKS}-tick TTL, so they are caught). In steady state about 100k ids are remembered
 * (TTL times 950 new ids per tick), and each tick's watermark expires about 950 of them; the operator is
 * presized for {@value #EXPECTED_KEYS}. A cycle of 1,024,000 records repeats with ids and time moved
 * on, so ids never repeat across cycles.
 * <p>
 * Per new id: a hash insert, a timer (set insert and heap push), and later its expiry (heap pop, two
 * hash removes); per duplicate: one hash lookup and a side-output record. Score: records per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DedupBenchmark
{
    static final int BATCH = 1024;
    static final int RECORDS_PER_TICK = 1_000;
    static final int CYCLE_TICKS = 1_024;
    static final long TTL_TICKS = 100;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final double DUPLICATE_PROBABILITY = 0.05;
    static final int MAX_DUPLICATE_DISTANCE = 50_000;
    static final int EXPECTED_KEYS = 131_072;
    static final long FIRST_TICK = 1_000_000;

    private final BlackholeOutput<Event> output = new BlackholeOutput<>();
    private RecordDriver driver;
    private DedupOperator<Event> operator;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final int length = RECORDS_PER_TICK * CYCLE_TICKS;
        final long[] ids = new long[length];
        final long[] timestamps = new long[length];
        long nextId = 0;
        for (int i = 0; i < length; i++)
        {
            final int distance = 1 + random.nextInt(MAX_DUPLICATE_DISTANCE);
            final boolean duplicate = random.nextDouble() < DUPLICATE_PROBABILITY && distance <= i;
            ids[i] = duplicate ? ids[i - distance] : nextId++;
            timestamps[i] = FIRST_TICK + i / RECORDS_PER_TICK - random.nextLong(OUT_OF_ORDER_TICKS + 1);
        }

        final EventStream stream = new EventStream(ids, timestamps, nextId, CYCLE_TICKS);
        operator = new DedupOperator<>("dedup", Event::key, TTL_TICKS, EXPECTED_KEYS);
        operator.open(output);
        driver = new RecordDriver(stream, OUT_OF_ORDER_TICKS, operator);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void dropDuplicates(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] records=%d passed=%d duplicates=%d (%.2f%%) remembered=%d expired=%d offHeapMiB=%d%n",
            driver.records(), output.records(), operator.duplicates(), 100.0 * operator.duplicates() / driver.records(),
            operator.rememberedKeys(), operator.expiredKeys(), operator.memoryBytes() >> 20);
        final boolean broken = operator.duplicates() == 0 || operator.expiredKeys() == 0 ||
            operator.rememberedKeys() > EXPECTED_KEYS;
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: no duplicate, no expiry, or state beyond presize");
        }
    }
}
