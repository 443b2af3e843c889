package io.ringflow.perf;

import io.ringflow.operators.state.OffHeapHashStore;
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
 * The building block under every keyed operator: {@link OffHeapHashStore} with two-long keys
 * ({@code (key, window start)}, as a window operator uses it) and an 8-byte value, holding
 * {@code keys} entries in a table presized for them: 32-byte slots, 16k slots (512 KiB, load 0.61) at
 * 10k keys, 2M slots (64 MiB, load 0.48) at 1M keys.
 * <pre>
 *   probe ids (random, pre-generated) ──► find / getOrInsert ──► value read (and +1 written back)
 *   churn: remove (oldest, start) ──► getOrInsert (newest, start): size stays at keys
 * </pre>
 * <ul>
 *   <li>{@code find}: lookups of present keys in random order; the value is read and summed.</li>
 *   <li>{@code getOrInsertExisting}: the same keys through {@code getOrInsert}, incrementing the value:
 *       a window's per-record update.</li>
 *   <li>{@code removeThenInsert}: the oldest key removed (backward shift) and a new one inserted; ids
 *       advance sequentially, as windows open and close. One operation is the pair.</li>
 * </ul>
 * Random probes at 1M keys miss the caches (and the TLB) on nearly every lookup; at 10k keys the table
 * stays in L2/L3. Score: operations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class OffHeapHashStoreBenchmark
{
    static final int BATCH = 1024;
    static final int PROBES = 1 << 22;
    /** Second key long of every entry: the window start of a (key, window) slot. */
    static final long WINDOW_START = 1_000_000;

    @Param({"10000", "1000000"})
    int keys;

    private OffHeapHashStore store;
    private long[] probes;
    private int cursor;
    private long oldest;
    private long newest;

    @Setup(Level.Trial)
    public void setUp()
    {
        store = new OffHeapHashStore("bench", 2, Long.BYTES, keys);
        for (long id = 0; id < keys; id++)
        {
            final int offset = store.getOrInsert(id, WINDOW_START, 0);
            store.buffer().putLong(offset, id);
        }
        oldest = 0;
        newest = keys;
        final SplittableRandom random = new SplittableRandom(42);
        probes = new long[PROBES];
        for (int i = 0; i < PROBES; i++)
        {
            probes[i] = random.nextLong(keys);
        }
    }

    /** @return the next id to look up: present, in random order (each benchmark has its own state). */
    private long nextProbe()
    {
        final long id = probes[cursor];
        cursor = (cursor + 1) & (PROBES - 1);
        return id;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find(final Blackhole blackhole)
    {
        final OffHeapHashStore store = this.store;
        long sum = 0;
        for (int i = 0; i < BATCH; i++)
        {
            final int offset = store.find(nextProbe(), WINDOW_START, 0);
            sum += store.buffer().getLong(offset);
        }
        blackhole.consume(sum);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void getOrInsertExisting(final Blackhole blackhole)
    {
        final OffHeapHashStore store = this.store;
        for (int i = 0; i < BATCH; i++)
        {
            final int offset = store.getOrInsert(nextProbe(), WINDOW_START, 0);
            final MutableDirectBuffer buffer = store.buffer();
            buffer.putLong(offset, buffer.getLong(offset) + 1);
        }
        blackhole.consume(store.inserted());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void removeThenInsert(final Blackhole blackhole)
    {
        final OffHeapHashStore store = this.store;
        for (int i = 0; i < BATCH; i++)
        {
            store.remove(oldest++, WINDOW_START, 0);
            final int offset = store.getOrInsert(newest, WINDOW_START, 0);
            store.buffer().putLong(offset, newest++);
        }
        blackhole.consume(store.size());
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final boolean broken = store.size() != keys || store.migrating();
        System.out.printf("%n[workload] keys=%d size=%d capacity=%d offHeapMiB=%d%n",
            keys, store.size(), store.capacity(), store.memoryBytes() >> 20);
        store.close();
        if (broken)
        {
            throw new IllegalStateException("store size drifted or it grew: the benchmark is not measuring what it claims");
        }
    }
}
