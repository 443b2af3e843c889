package io.ringflow.perf;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.join.IntervalJoinOperator;
import io.ringflow.operators.time.WatermarkGenerator;
import io.ringflow.operators.time.WatermarkStrategy;
import org.agrona.DirectBuffer;
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
 * Keyed interval join of two streams, one thread, records of both sides interleaved in one input and fed
 * straight into {@link IntervalJoinOperator#processLeft} / {@code processRight}, with one watermark for
 * both sides generated per record:
 * <pre>
 *   EventStream ─┬─ even positions ──► processLeft ──┐
 *                └─ odd positions  ──► processRight ─┴─► IntervalJoinOperator (right.ts - left.ts in [-10, 10]) ──► BlackholeOutput
 *        └─► maxTs - 5 - 1 advanced? ──► processWatermark (expires buffered records)
 * </pre>
 * <b>Workload.</b> {@code keys} distinct keys (0 to keys - 1), laid out as {@link KeyedTumblingWindowBenchmark}
 * does: one cycle is {@code max(4, 1e6 / keys)} shuffled permutations of all keys, so every key recurs once
 * per {@code keys} records in an order the hash table cannot predict; records at even positions are left
 * records, odd ones right, so each occurrence of a key is either side at random. Event time advances one
 * tick every {@code keys / 10} records (each key about once every 10 ticks), every record moved up to
 * {@value #OUT_OF_ORDER_TICKS} ticks into the past; the watermark is {@code maxTimestamp - 5 - 1}, so no
 * record is late.
 * <p>
 * <b>Join.</b> A record joins the other side's records of its key within {@value #BOUND_TICKS} ticks either
 * way: 0.28 pairs per record at 10k keys (the next or previous record of a key is within 10 ticks about half
 * the time, and of the other side half of that). A record stays buffered until the watermark passes its
 * timestamp plus {@value #BOUND_TICKS}, about 16 ticks, so a key holds 1.4 records on average; every record
 * is matched against its key's other side, appended, and later expired when its key's expiry timer fires
 * (about one timer registration and one firing per record, and one key in five emptied and removed). The
 * operator is presized with {@code expectedKeys(keys)} and 64-byte record blocks (one record each), so nothing
 * grows in steady state.
 * <p>
 * Score: records per second, both sides together ({@value #BATCH} records per invocation).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class IntervalJoinBenchmark
{
    static final int BATCH = 1024;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final long BOUND_TICKS = 10;
    static final int TICKS_BETWEEN_RECORDS_OF_A_KEY = 10;
    static final long FIRST_TICK = 1_000_000;

    @Param({"10000", "1000000"})
    int keys;

    private final BlackholeOutput<Match> output = new BlackholeOutput<>();
    private final Event event = new Event();
    private final WatermarkGenerator<Event> watermarks =
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(OUT_OF_ORDER_TICKS).createGenerator();
    private EventStream stream;
    private IntervalJoinOperator<Event, Event, Match> join;
    private long watermark = Timestamps.MIN_WATERMARK;
    private long records;

    @Setup(Level.Trial)
    public void setUp()
    {
        stream = EventStream.shuffledKeys(
            keys, keys / TICKS_BETWEEN_RECORDS_OF_A_KEY, FIRST_TICK, OUT_OF_ORDER_TICKS);
        join = IntervalJoinOperator.<Event, Event>keyed("interval-join", Event::key, Event::key)
            .between(-BOUND_TICKS, BOUND_TICKS)
            .expectedKeys(keys)
            .recordBlockBytes(64)
            .join(EventCodec.INSTANCE, EventCodec.INSTANCE, Match::new, Match::set);
        join.open(output);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void joinBothSides(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        final EventStream stream = this.stream;
        final IntervalJoinOperator<Event, Event, Match> join = this.join;
        final WatermarkGenerator<Event> watermarks = this.watermarks;
        final Event event = this.event;
        long watermark = this.watermark;
        long records = this.records;
        for (int i = 0; i < BATCH; i++)
        {
            final long timestamp = stream.next(event);
            if ((records++ & 1) == 0)
            {
                join.processLeft(event, timestamp);
            }
            else
            {
                join.processRight(event, timestamp);
            }
            final long next = watermarks.onEvent(event, timestamp);
            if (next > watermark)
            {
                watermark = next;
                join.processWatermark(next);
            }
        }
        this.watermark = watermark;
        this.records = records;
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] keys=%d records=%d pairs=%d (%.2f per record) late=%d buffered=%d keysBuffered=%d " +
            "expired=%d offHeapMiB=%d%n", keys, records, join.joinedPairs(), (double)join.joinedPairs() / Math.max(1, records),
            join.lateRecords(), join.bufferedRecords(), join.bufferedKeys(), join.expiredRecords(), join.memoryBytes() >> 20);
        final boolean broken = join.lateRecords() != 0 || output.sideRecords() != 0 || join.joinedPairs() == 0 ||
            join.expiredRecords() == 0;
        join.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: late or rejected records, no pair or no expiry");
        }
    }

    /** The join's reused output: the key and both records' values. */
    public static final class Match
    {
        long key;
        long leftValue;
        long rightValue;

        static void set(final Event left, final Event right, final Match into)
        {
            into.key = left.key();
            into.leftValue = left.value();
            into.rightValue = right.value();
        }
    }
}
