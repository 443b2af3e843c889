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
 *   heads: (key, ts)          -&gt; | records at (key, ts) (int) | pad | id | stage mask |   the first one inline
 *   rest:  (key, ts, ordinal) -&gt; | id | stage mask |                                     ordinal = arrival order, from 1
 * </pre>
 * Most (key, timestamp) pairs hold one record, which then costs one hash entry, not two.
 * <p>
 * Threading: the owning operator's.
 */
final class PendingEvents implements AutoCloseable
{
    private static final int COUNT_OFFSET = 0;
    private static final int HEAD_ID_OFFSET = 8;
    private static final int ID_OFFSET = 0;
    private static final int MASK_OFFSET = 8;

    private final OffHeapHashStore heads;
    private final OffHeapHashStore rest;
    private long id;
    private long mask;

    PendingEvents(final String name, final int expectedKeys)
    {
        heads = new OffHeapHashStore(name + ".pending", 2, HEAD_ID_OFFSET + 2 * Long.BYTES, expectedKeys);
        rest = new OffHeapHashStore(name + ".pending-rest", 3, 2 * Long.BYTES, 16);
    }

    /**
     * @return true if it is the first record buffered at (key, timestamp): the caller schedules its release.
     */
    boolean add(final long key, final long timestamp, final long id, final long mask)
    {
        final int headOffset = heads.getOrInsert(key, timestamp, 0);
        final MutableDirectBuffer headBuffer = heads.buffer();
        if (heads.inserted())
        {
            headBuffer.putInt(headOffset + COUNT_OFFSET, 1);
            headBuffer.putLong(headOffset + HEAD_ID_OFFSET + ID_OFFSET, id);
            headBuffer.putLong(headOffset + HEAD_ID_OFFSET + MASK_OFFSET, mask);
            return true;
        }
        final int ordinal = headBuffer.getInt(headOffset + COUNT_OFFSET);
        headBuffer.putInt(headOffset + COUNT_OFFSET, ordinal + 1);
        final int offset = rest.getOrInsert(key, timestamp, ordinal);
        final MutableDirectBuffer buffer = rest.buffer();
        buffer.putLong(offset + ID_OFFSET, id);
        buffer.putLong(offset + MASK_OFFSET, mask);
        return false;
    }

    /**
     * Start releasing (key, timestamp): forget it, load its first record ({@link #id()}, {@link #mask()}); then
     * {@link #take} ordinals 1 up to the result.
     *
     * @return records buffered there (0 if none).
     */
    int release(final long key, final long timestamp)
    {
        final int headOffset = heads.find(key, timestamp, 0);
        if (OffHeapHashStore.NOT_FOUND == headOffset)
        {
            return 0;
        }
        final MutableDirectBuffer headBuffer = heads.buffer();
        final int count = headBuffer.getInt(headOffset + COUNT_OFFSET);
        id = headBuffer.getLong(headOffset + HEAD_ID_OFFSET + ID_OFFSET);
        mask = headBuffer.getLong(headOffset + HEAD_ID_OFFSET + MASK_OFFSET);
        heads.removeAt(headOffset);
        return count;
    }

    /** Remove a later record of the (key, timestamp) being released; read it with {@link #id()} and {@link #mask()}. */
    void take(final long key, final long timestamp, final int ordinal)
    {
        final int offset = rest.find(key, timestamp, ordinal);
        final MutableDirectBuffer buffer = rest.buffer();
        id = buffer.getLong(offset + ID_OFFSET);
        mask = buffer.getLong(offset + MASK_OFFSET);
        rest.removeAt(offset);
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
        return heads.size() + rest.size();
    }

    long memoryBytes()
    {
        return heads.memoryBytes() + rest.memoryBytes();
    }

    /** Debug view: {timestamp, ordinal, id, mask} of every record buffered for a key, in release order. */
    List<long[]> describe(final long key)
    {
        final List<long[]> found = new ArrayList<>();
        heads.forEach((k, timestamp, unused, buffer, offset) ->
        {
            if (k == key)
            {
                found.add(new long[]{timestamp, 0, buffer.getLong(offset + HEAD_ID_OFFSET + ID_OFFSET),
                    buffer.getLong(offset + HEAD_ID_OFFSET + MASK_OFFSET)});
            }
        });
        rest.forEach((k, timestamp, ordinal, buffer, offset) ->
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
        heads.snapshot(out);
        rest.snapshot(out);
    }

    void restore(final SnapshotReader in)
    {
        heads.restore(in);
        rest.restore(in);
    }

    @Override
    public void close()
    {
        heads.close();
        rest.close();
    }
}
