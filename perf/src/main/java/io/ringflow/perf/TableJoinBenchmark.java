package io.ringflow.perf;

import io.ringflow.operators.table.ChangelogReader;
import io.ringflow.operators.table.TableJoinBuilder;
import io.ringflow.operators.table.TableJoinCounters;
import io.ringflow.operators.table.TableJoinOperator;
import io.ringflow.operators.table.TableValueDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
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
 * Stream–table enrichment, temporal lookup, one thread: events joined with the price of their key as of
 * their event time, while the price table keeps changing.
 * <pre>
 *   events (left) ──► processLeft ──► held off-heap until the watermark ─┐
 *   quotes (right, 1 per 8 events) ──► processRight ──► versioned table ◄─┴─ lookup as of ts ──► BlackholeOutput
 *        └─► maxTs - 5 - 1 advanced? ──► processWatermark (releases the events due, in timestamp order)
 * </pre>
 * <b>Workload.</b> {@code keys} keys (0 to keys - 1), every one given a price before the measurement
 * ({@link TableJoinOperator#bootstrap}), so that every lookup finds a version. One cycle of events is
 * {@code max(4, 1e6 / keys)} shuffled permutations of all keys (each key recurs once per {@code keys}
 * events, in an order the hash table cannot predict). Event time advances one tick every
 * {@value #EVENTS_PER_TICK} events, each moved up to {@value #OUT_OF_ORDER_TICKS} ticks into the past; after
 * every 8th event a quote for a random key arrives with that event's timestamp, so versions are inserted,
 * superseded and pruned throughout. One watermark, {@code maxTimestamp - 5 - 1} over both inputs (what the
 * combined watermark of two inputs on one clock is), advanced per record when it moves: about 6,000
 * events wait off-heap at any time and 1,000 are released per tick. Nothing is late; nothing misses.
 * <p>
 * Per event: encode and index it (held), later decode it, probe the table and scan the key's versions,
 * call the join function, emit. Temporal mode keeps {@value #MAX_VERSIONS} versions per key. Score:
 * events per second ({@value #BATCH} per invocation), quotes not counted. {@code -p mode=LATEST} runs the
 * same input through a latest-value join (no holding) for comparison.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class TableJoinBenchmark
{
    static final int BATCH = 1024;
    static final int EVENTS_PER_TICK = 1_000;
    static final int EVENTS_PER_QUOTE = 8;
    static final long OUT_OF_ORDER_TICKS = 5;
    static final int MAX_VERSIONS = 4;
    static final long FIRST_TICK = 1_000_000;

    @Param({"10000", "1000000"})
    int keys;

    /** TEMPORAL (reported) or LATEST. */
    @Param({"TEMPORAL"})
    String mode;

    private final BlackholeOutput<Enriched> output = new BlackholeOutput<>();
    private final Event event = new Event();
    private final Quote quote = new Quote();
    private TableJoinOperator<Event, Quote, Enriched> operator;
    private long[] cycleKeys;
    private long[] cycleTimestamps;
    private long[] quoteKeys;
    private long cycleTicks;
    private int cursor;
    private long timeOffset;
    private long maxTimestamp = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long events;

    @Setup(Level.Trial)
    public void setUp()
    {
        final int permutations = Math.max(4, 1_000_000 / keys);
        final int length = permutations * keys;
        cycleKeys = new long[length];
        cycleTimestamps = new long[length];
        quoteKeys = new long[length / EVENTS_PER_QUOTE + 1];
        final SplittableRandom random = new SplittableRandom(42);
        final long[] permutation = new long[keys];
        for (int k = 0; k < keys; k++)
        {
            permutation[k] = k;
        }
        for (int p = 0; p < permutations; p++)
        {
            EventStream.shuffle(permutation, random);
            System.arraycopy(permutation, 0, cycleKeys, p * keys, keys);
        }
        for (int i = 0; i < length; i++)
        {
            cycleTimestamps[i] = FIRST_TICK + i / EVENTS_PER_TICK - random.nextLong(OUT_OF_ORDER_TICKS + 1);
        }
        for (int i = 0; i < quoteKeys.length; i++)
        {
            quoteKeys[i] = random.nextInt(keys);
        }
        cycleTicks = length / EVENTS_PER_TICK;

        final TableJoinBuilder<Event, Quote> builder = TableJoinOperator.builder("enrich-prices", Event::key, new QuoteChangelog())
            .expectedKeys(keys).expectedHeld(8 * EVENTS_PER_TICK);
        if ("TEMPORAL".equals(mode))
        {
            builder.temporal(MAX_VERSIONS, 0).streamCodec(EventCodec.INSTANCE);
        }
        operator = builder.build(new PriceView(), (e, price, out) -> out.set(e.key(), e.value(), price.price()), Enriched::new);
        for (int k = 0; k < keys; k++)
        {
            operator.bootstrap(quote.set(k, 1_000 + k), FIRST_TICK - 100);
        }
        operator.open(output);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void lookupAsOfEventTime(final Blackhole blackhole)
    {
        output.sinkTo(blackhole);
        final TableJoinOperator<Event, Quote, Enriched> operator = this.operator;
        final long[] cycleKeys = this.cycleKeys;
        final long[] cycleTimestamps = this.cycleTimestamps;
        final Event event = this.event;
        int cursor = this.cursor;
        long maxTimestamp = this.maxTimestamp;
        long watermark = this.watermark;
        for (int n = 0; n < BATCH; n++)
        {
            final long timestamp = cycleTimestamps[cursor] + timeOffset;
            operator.processLeft(event.set(cycleKeys[cursor], cursor & 1023), timestamp);
            if ((cursor & (EVENTS_PER_QUOTE - 1)) == 0)
            {
                final int q = cursor / EVENTS_PER_QUOTE;
                operator.processRight(quote.set(quoteKeys[q], q), timestamp);
            }
            if (timestamp > maxTimestamp)
            {
                maxTimestamp = timestamp;
                final long next = timestamp - OUT_OF_ORDER_TICKS - 1;
                if (next > watermark)
                {
                    watermark = next;
                    operator.processWatermark(next);
                }
            }
            if (++cursor == cycleKeys.length)
            {
                cursor = 0;
                timeOffset += cycleTicks;
            }
        }
        this.cursor = cursor;
        this.maxTimestamp = maxTimestamp;
        this.watermark = watermark;
        events += BATCH;
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final TableJoinCounters counters = operator.counters();
        System.out.printf("%n[workload] mode=%s keys=%d events=%d joined=%d missed=%d evictedMisses=%d late=%d quotes=%d " +
            "held=%d tableKeys=%d evictedVersions=%d prunedVersions=%d offHeapMiB=%d%n",
            mode, keys, events, counters.matched(), counters.missed(), counters.evictedMisses(), counters.lateRecords(),
            counters.changelogRecords() - keys, operator.heldRecords(), operator.tableKeys(), operator.evictedVersions(),
            operator.prunedVersions(), operator.memoryBytes() >> 20);
        final boolean broken = counters.missed() + counters.evictedMisses() + counters.lateRecords() != 0 ||
            output.sideRecords() != 0 || counters.matched() == 0 || counters.matched() + operator.heldRecords() != events;
        operator.close();
        if (broken)
        {
            throw new IllegalStateException("workload is not what it claims: a miss, a late or rejected record, or no join");
        }
    }

    /** A price update for a key. */
    static final class Quote
    {
        long key;
        long price;

        Quote set(final long key, final long price)
        {
            this.key = key;
            this.price = price;
            return this;
        }
    }

    /** Quotes upsert their key's price: an 8-byte value. */
    static final class QuoteChangelog implements ChangelogReader<Quote>
    {
        @Override
        public long key(final Quote record)
        {
            return record.key;
        }

        @Override
        public boolean isDelete(final Quote record)
        {
            return false;
        }

        @Override
        public int valueBytes()
        {
            return Long.BYTES;
        }

        @Override
        public void encodeValue(final Quote record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.price);
        }
    }

    /** A flyweight over a stored price: nothing is copied until the join reads it. */
    static final class PriceView implements TableValueDecoder<PriceView>
    {
        private DirectBuffer buffer;
        private int offset;

        long price()
        {
            return buffer.getLong(offset);
        }

        @Override
        public PriceView newInstance()
        {
            return new PriceView();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final PriceView into)
        {
            into.buffer = buffer;
            into.offset = offset;
        }
    }

    /** The join's one output record, filled in place. */
    static final class Enriched
    {
        long key;
        long value;
        long price;

        Enriched set(final long key, final long value, final long price)
        {
            this.key = key;
            this.value = value;
            this.price = price;
            return this;
        }
    }
}
