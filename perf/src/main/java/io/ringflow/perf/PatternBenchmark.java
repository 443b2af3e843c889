package io.ringflow.perf;

import io.ringflow.operators.cep.AfterMatchSkip;
import io.ringflow.operators.cep.PatternMatch;
import io.ringflow.operators.cep.PatternOperator;
import io.ringflow.operators.cep.Patterns;
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
 * Keyed sequence pattern {@code "large" followedBy "transfer" within 50 ticks}, one thread, records fed
 * straight into {@link PatternOperator#processRecord} with the watermark generated per record:
 * <pre>
 *   EventStream ──► processRecord ──► PatternOperator (large -&gt; transfer within 50) ──► BlackholeOutput
 *        │                                  ▲                (buffer until the watermark, then evaluate)
 *        └─► maxTs - 5 - 1 advanced? ───────┘ processWatermark
 * </pre>
 * <b>Workload.</b> As in {@link KeyedTumblingWindowBenchmark}: {@code keys} keys in shuffled permutations, so
 * every key recurs once per {@code keys} records in an order the hash tables cannot predict; event time advances
 * one tick every {@code keys / 10} records (a key is seen about every 10 ticks), each record moved up to
 * {@value #OUT_OF_ORDER_TICKS} ticks into the past; watermark {@code maxTimestamp - 5 - 1}: no record is late.
 * The value (position modulo 1024) decides the stage: {@code value % 4 == 0} is "large", {@code == 1} is
 * "transfer", the other half satisfies neither and is only counted. So a key's "large" record waits about
 * five of the key's records (50 ticks) for a "transfer": most partial matches complete, some expire, and a
 * "transfer" often completes two or three open ones at once ({@code NO_SKIP}).
 * <p>
 * Per stage record: buffered off-heap with a release timer, evaluated against the key's partial-match FIFO when
 * the watermark passes it; per "large" record also a partial match and its deadline timer. Score: records per
 * second ({@value #BATCH} per invocation), all records counted, the ignored half included. The ids matches report
 * are the values (this {@link Event} has no id field). Five warm-up seconds, not three: the first two are still
 * compiling (0.8 then 4.5 M/s on the 2-core VM).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class PatternBenchmark
{
    static final int BATCH = 1024;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final int TICKS_BETWEEN_RECORDS_OF_A_KEY = 10;
    static final long WITHIN_TICKS = 50;
    static final long FIRST_TICK = 1_000_000;

    /** Most records of a key start a match here, and few complete one: many partial matches per key. */
    static final long HOME_ABROAD_WITHIN_TICKS = 200;

    @Param({"10000"})
    int keys;

    /**
     * {@code large-transfer}: the pattern above. {@code home-abroad}: the fraud detector's geo-jump shape,
     * {@code "home" followedBy "abroad" within 200 ticks}, skip past the last event: 63 records in 64 are
     * "home", so a key holds ~20 partial matches waiting for an "abroad" that seldom comes, and most records
     * start one and satisfy nothing that could move the others.
     */
    @Param({"large-transfer", "home-abroad"})
    String shape;

    private final BlackholeOutput<PatternMatch> output = new BlackholeOutput<>();
    private RecordDriver driver;
    private PatternOperator<Event> operator;

    @Setup(Level.Trial)
    public void setUp()
    {
        final EventStream stream = EventStream.shuffledKeys(
            keys, keys / TICKS_BETWEEN_RECORDS_OF_A_KEY, FIRST_TICK, OUT_OF_ORDER_TICKS);
        operator = new PatternOperator<>(shape, Event::key, Event::value, "home-abroad".equals(shape) ?
            Patterns.<Event>begin("home", e -> (e.value() & 63) != 1)
                .followedBy("abroad", e -> (e.value() & 63) == 1)
                .within(HOME_ABROAD_WITHIN_TICKS)
                .afterMatch(AfterMatchSkip.SKIP_PAST_LAST_EVENT) :
            Patterns.<Event>begin("large", e -> (e.value() & 3) == 0)
                .followedBy("transfer", e -> (e.value() & 3) == 1)
                .within(WITHIN_TICKS),
            keys);
        operator.open(output);
        driver = new RecordDriver(stream, OUT_OF_ORDER_TICKS, operator);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void followedByWithin(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        driver.drive(BATCH);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] keys=%d records=%d matched=%d expired=%d ignored=%d late=%d partialMatches=%d " +
            "buffered=%d offHeapMiB=%d%n",
            keys, driver.records(), operator.matched(), operator.expiredPartialMatches(), operator.ignoredRecords(),
            operator.lateRecords(), operator.partialMatches(), operator.bufferedRecords(), operator.memoryBytes() >> 20);
        final boolean broken = operator.lateRecords() != 0 || output.sideRecords() != 0 || operator.matched() == 0 ||
            operator.expiredPartialMatches() == 0;
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: late or rejected records, no match or no expiry");
        }
    }
}
