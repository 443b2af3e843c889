package io.ringflow.perf;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.snapshot.Snapshottable;
import io.ringflow.operators.state.OffHeapHashStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What a checkpoint pauses a stage for: one {@link OffHeapHashStore} written as a framed snapshot (its
 * entries, then a CRC32C over the frame) into a reused {@link SnapshotWriter}, the way a stage snapshots
 * its operators between two records. The store holds {@code entries} entries of two-long keys and a
 * 40-byte value (a pattern's partial match: a (card, start) key, stage, deadline and two matched events),
 * 64-byte slots, presized for them. Score: microseconds per snapshot; the tear-down line gives its bytes,
 * so bytes / score is the rate in MB/s.
 * <pre>
 *   off-heap table (scan the occupied slots) ──► key + value bytes ──► snapshot buffer ──► CRC32C
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SnapshotBenchmark
{
    static final int VALUE_BYTES = 40;

    @Param({"100000", "1000000"})
    int entries;

    private OffHeapHashStore store;
    private final SnapshotWriter writer = new SnapshotWriter();
    private final Snapshottable frame = new Snapshottable()
    {
        @Override
        public String snapshotType()
        {
            return "bench-store";
        }

        @Override
        public int snapshotVersion()
        {
            return 1;
        }

        @Override
        public void snapshotState(final SnapshotWriter out)
        {
            store.snapshot(out);
        }

        @Override
        public void restoreState(final SnapshotReader in, final int version)
        {
            store.restore(in);
        }
    };

    @Setup(Level.Trial)
    public void setUp()
    {
        store = new OffHeapHashStore("bench", 2, VALUE_BYTES, entries);
        for (long id = 0; id < entries; id++)
        {
            final int offset = store.getOrInsert(id * 0x9E3779B97F4A7C15L, id, 0);
            store.buffer().putLong(offset, id);
        }
    }

    /** @return the snapshot's size, so that the work cannot be eliminated. */
    @Benchmark
    public int snapshot()
    {
        writer.reset();
        Snapshots.write(frame, writer);
        return writer.position();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        System.out.printf("%n[workload] %,d entries, snapshot %,d bytes%n", store.size(), snapshot());
        store.close();
    }
}
