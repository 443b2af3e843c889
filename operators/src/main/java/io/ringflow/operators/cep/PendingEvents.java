package io.ringflow.operators.cep;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Records that arrived but are not yet evaluated, because the watermark has not reached their timestamp:
 * reduced to what matching needs (id and stage mask), off-heap, and handed back per (key, timestamp) in
 * arrival order.
 * <pre>
 *   counts: (key, ts)          -&gt; | records buffered at (key, ts) (int) | pad |
 *   events: (key, ts, ordinal) -&gt; | id (long) | stage mask (long) |      ordinal = arrival order at (key, ts)
 * </pre>
 * Threading: the owning operator's.
 */
final class PendingEvents implements AutoCloseable
{
    private static final int ID_OFFSET = 0;
    private static final int MASK_OFFSET = 8;

    private final OffHeapHashStore counts;
    private final OffHeapHashStore events;
    private long id;
    private long mask;

    PendingEvents(final String name, final int expectedKeys)
    {
        counts = new OffHeapHashStore(name + ".pending-counts", 2, Integer.BYTES, expectedKeys);
        events = new OffHeapHashStore(name + ".pending", 3, 2 * Long.BYTES, expectedKeys);
    }

    /**
     * @return true if it is the first record buffered at (key, timestamp): the caller schedules its release.
     */
    boolean add(final long key, final long timestamp, final long id, final long mask)
    {
        final int countOffset = counts.getOrInsert(key, timestamp, 0);
        final boolean first = counts.inserted();
        final MutableDirectBuffer countBuffer = counts.buffer();
        final int ordinal = countBuffer.getInt(countOffset);
        countBuffer.putInt(countOffset, ordinal + 1);

        final int offset = events.getOrInsert(key, timestamp, ordinal);
        final MutableDirectBuffer buffer = events.buffer();
        buffer.putLong(offset + ID_OFFSET, id);
        buffer.putLong(offset + MASK_OFFSET, mask);
        return first;
    }

    /**
     * Start releasing (key, timestamp): forget its count; then {@link #take} each ordinal below the result.
     *
     * @return records buffered there (0 if none).
     */
    int release(final long key, final long timestamp)
    {
        final int countOffset = counts.find(key, timestamp, 0);
        if (OffHeapHashStore.NOT_FOUND == countOffset)
        {
            return 0;
        }
        final int count = counts.buffer().getInt(countOffset);
        counts.removeAt(countOffset);
        return count;
    }

    /** Remove one released record; read it with {@link #id()} and {@link #mask()}. */
    void take(final long key, final long timestamp, final int ordinal)
    {
        final int offset = events.find(key, timestamp, ordinal);
        final MutableDirectBuffer buffer = events.buffer();
        id = buffer.getLong(offset + ID_OFFSET);
        mask = buffer.getLong(offset + MASK_OFFSET);
        events.removeAt(offset);
    }

    long id()
    {
        return id;
    }

    long mask()
    {
        return mask;
    }

    int size()
    {
        return events.size();
    }

    long memoryBytes()
    {
        return counts.memoryBytes() + events.memoryBytes();
    }

    /** Debug view: {timestamp, ordinal, id, mask} of every record buffered for a key, in release order. */
    List<long[]> describe(final long key)
    {
        final List<long[]> found = new ArrayList<>();
        events.forEach((k, timestamp, ordinal, buffer, offset) ->
        {
            if (k == key)
            {
                found.add(new long[]{timestamp, ordinal, buffer.getLong(offset + ID_OFFSET), buffer.getLong(offset + MASK_OFFSET)});
            }
        });
        found.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return found;
    }

    void snapshot(final SnapshotWriter out)
    {
        counts.snapshot(out);
        events.snapshot(out);
    }

    void restore(final SnapshotReader in)
    {
        counts.restore(in);
        events.restore(in);
    }

    @Override
    public void close()
    {
        counts.close();
        events.close();
    }
}
