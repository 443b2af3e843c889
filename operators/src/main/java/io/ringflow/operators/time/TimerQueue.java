package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Event-time timers of a keyed operator: a min-heap of (timestamp, key, namespace) off-heap, plus a
 * set that makes registration idempotent. Timers fire in the total order (timestamp, key, namespace),
 * so the firing order depends only on which timers exist, never on the order they were registered
 * in, and a restored queue fires exactly as the original would have.
 * <p>
 * Deletion is lazy: a deleted timer stays in the heap, marked dead in the set, and is skipped when it
 * reaches the top; registering it again before then revives it. The heap therefore holds at most
 * one entry per (timestamp, key, namespace).
 * <p>
 * Typical loop, on a watermark {@code wm}:
 * <pre>{@code
 * while (timers.poll(wm)) { fire(timers.timestamp(), timers.key(), timers.namespace()); }
 * }</pre>
 * A timer at {@code Long.MAX_VALUE} fires only on the final watermark {@code Long.MAX_VALUE}.
 * <p>
 * <b>Memory.</b> The heap takes 24 bytes per entry (live or deleted but not yet skipped) and grows by
 * doubling, which allocates a new block and copies the old one: presize with {@code initialCapacity}
 * to keep that off the per-record path. The set is an {@link OffHeapHashStore} with 40-byte slots (see
 * its memory notes), which grows incrementally.
 * <p>
 * Threading: single-threaded; no allocation except when the heap grows.
 */
public final class TimerQueue implements AutoCloseable
{
    static final int ENTRY_BYTES = 3 * Long.BYTES;
    static final int TIMESTAMP_OFFSET = 0;
    static final int KEY_OFFSET = Long.BYTES;
    static final int NAMESPACE_OFFSET = 2 * Long.BYTES;
    static final int MIN_HEAP_CAPACITY = 16;
    static final int MAX_HEAP_CAPACITY = Integer.MAX_VALUE / ENTRY_BYTES;

    private static final byte DEAD = 0;
    private static final byte LIVE = 1;

    private final String name;
    private final OffHeapHashStore set;

    private ByteBuffer heapByteBuffer;
    private UnsafeBuffer heap;
    private int heapCapacity;
    private int heapSize;
    private int liveCount;

    private long timestamp;
    private long key;
    private long namespace;

    /**
     * @param name            for errors and snapshots.
     * @param initialCapacity expected number of live timers.
     */
    public TimerQueue(final String name, final int initialCapacity)
    {
        this.name = name;
        if (initialCapacity < 0 || initialCapacity > MAX_HEAP_CAPACITY)
        {
            throw new IllegalArgumentException(describe() + ": initialCapacity must be in [0, " + MAX_HEAP_CAPACITY +
                "], was " + initialCapacity);
        }

        set = new OffHeapHashStore(name + " timer set", 3, 1, initialCapacity);
        allocateHeap(Math.max(MIN_HEAP_CAPACITY, initialCapacity));
    }

    /** @return the name given at construction. */
    public String name()
    {
        return name;
    }

    /**
     * @param timestamp when it fires: once the watermark is at or past it.
     * @param key       the key it belongs to.
     * @param namespace what it is for (a window start, a state id, …).
     * @return true if it was not registered already.
     */
    public boolean register(final long timestamp, final long key, final long namespace)
    {
        final int offset = set.getOrInsert(timestamp, key, namespace);
        final MutableDirectBuffer setBuffer = set.buffer();
        if (set.inserted())
        {
            setBuffer.putByte(offset, LIVE);
            push(timestamp, key, namespace);
        }
        else if (LIVE == setBuffer.getByte(offset))
        {
            return false;
        }
        else
        {
            // Deleted but still in the heap: reviving it there keeps one heap entry per timer.
            setBuffer.putByte(offset, LIVE);
        }

        liveCount++;
        return true;
    }

    /**
     * @param timestamp as registered.
     * @param key       as registered.
     * @param namespace as registered.
     * @return true if a live timer was deleted.
     */
    public boolean delete(final long timestamp, final long key, final long namespace)
    {
        final int offset = set.find(timestamp, key, namespace);
        if (OffHeapHashStore.NOT_FOUND == offset)
        {
            return false;
        }

        final MutableDirectBuffer setBuffer = set.buffer();
        if (DEAD == setBuffer.getByte(offset))
        {
            return false;
        }

        setBuffer.putByte(offset, DEAD);
        liveCount--;
        return true;
    }

    /**
     * Take the next live timer due at or before {@code watermark}, if any; its fields are then read
     * with {@link #timestamp()}, {@link #key()}, {@link #namespace()}. Timers registered while
     * polling are seen by later polls.
     *
     * @param watermark the current watermark.
     * @return false when no live timer is due.
     */
    public boolean poll(final long watermark)
    {
        while (heapSize > 0)
        {
            final long topTimestamp = heap.getLong(TIMESTAMP_OFFSET);
            if (topTimestamp > watermark)
            {
                return false;
            }

            final long topKey = heap.getLong(KEY_OFFSET);
            final long topNamespace = heap.getLong(NAMESPACE_OFFSET);
            pop();
            if (takeFromSet(topTimestamp, topKey, topNamespace))
            {
                timestamp = topTimestamp;
                key = topKey;
                namespace = topNamespace;
                return true;
            }
        }

        return false;
    }

    /** @return timestamp of the timer last polled. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return key of the timer last polled. */
    public long key()
    {
        return key;
    }

    /** @return namespace of the timer last polled. */
    public long namespace()
    {
        return namespace;
    }

    /**
     * Deleted timers at the top of the heap are discarded on the way.
     *
     * @return the earliest live timer's timestamp, or {@code Long.MAX_VALUE} when none.
     */
    public long nextTimestamp()
    {
        while (heapSize > 0)
        {
            final long topTimestamp = heap.getLong(TIMESTAMP_OFFSET);
            final long topKey = heap.getLong(KEY_OFFSET);
            final long topNamespace = heap.getLong(NAMESPACE_OFFSET);
            final int offset = set.find(topTimestamp, topKey, topNamespace);
            if (LIVE == set.buffer().getByte(offset))
            {
                return topTimestamp;
            }

            pop();
            set.remove(topTimestamp, topKey, topNamespace);
        }

        return Long.MAX_VALUE;
    }

    /** @return number of live timers. */
    public int size()
    {
        return liveCount;
    }

    /** @return heap entries, live or deleted but not yet discarded; at least {@link #size()}. */
    public int heapSize()
    {
        return heapSize;
    }

    /** @return off-heap bytes held now. */
    public long memoryBytes()
    {
        return (long)heapCapacity * ENTRY_BYTES + set.memoryBytes();
    }

    /**
     * Format: count (int), then (timestamp, key, namespace) longs per live timer, in no particular order.
     *
     * @param out destination: the live timers.
     */
    public void snapshot(final SnapshotWriter out)
    {
        out.putInt(liveCount);
        for (int i = 0; i < heapSize; i++)
        {
            final int entryOffset = i * ENTRY_BYTES;
            final long entryTimestamp = heap.getLong(entryOffset + TIMESTAMP_OFFSET);
            final long entryKey = heap.getLong(entryOffset + KEY_OFFSET);
            final long entryNamespace = heap.getLong(entryOffset + NAMESPACE_OFFSET);
            final int offset = set.find(entryTimestamp, entryKey, entryNamespace);
            if (LIVE == set.buffer().getByte(offset))
            {
                out.putLong(entryTimestamp).putLong(entryKey).putLong(entryNamespace);
            }
        }
    }

    /** @param in replaces the content with a {@link #snapshot}. */
    public void restore(final SnapshotReader in)
    {
        final int timerCount = in.getCount(describe() + " timer", MAX_HEAP_CAPACITY);
        // Check up front so that a truncated snapshot leaves the queue as it was.
        if ((long)timerCount * ENTRY_BYTES > in.remaining())
        {
            throw in.corrupt(describe() + " snapshot declares " + timerCount + " timers of " + ENTRY_BYTES +
                " bytes at offset " + in.position() + " but only " + in.remaining() + " bytes remain (truncated?)");
        }

        heapSize = 0;
        liveCount = 0;
        set.clear();
        for (int i = 0; i < timerCount; i++)
        {
            final long entryTimestamp = in.getLong();
            final long entryKey = in.getLong();
            final long entryNamespace = in.getLong();
            if (!register(entryTimestamp, entryKey, entryNamespace))
            {
                throw in.corrupt(describe() + " snapshot holds timer (" + entryTimestamp + ", " + entryKey + ", " +
                    entryNamespace + ") twice, at entry " + i + " of " + timerCount);
            }
        }
    }

    /** Free the off-heap memory. Idempotent; the queue must not be used afterwards. */
    @Override
    public void close()
    {
        set.close();
        if (null != heapByteBuffer)
        {
            BufferUtil.free(heapByteBuffer);
            heapByteBuffer = null;
            heap = null;
            heapCapacity = 0;
            heapSize = 0;
            liveCount = 0;
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return describe() + "{live=" + liveCount + ", heapSize=" + heapSize + ", heapCapacity=" + heapCapacity + "}";
    }

    /**
     * Remove the set entry of a timer just popped from the heap.
     *
     * @return whether it was live.
     */
    private boolean takeFromSet(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        final int offset = set.find(entryTimestamp, entryKey, entryNamespace);
        final boolean live = LIVE == set.buffer().getByte(offset);
        set.remove(entryTimestamp, entryKey, entryNamespace);
        if (live)
        {
            liveCount--;
        }

        return live;
    }

    private void push(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        if (heapSize == heapCapacity)
        {
            growHeap();
        }

        // Sift the hole up rather than swapping, so each level costs one 24-byte copy.
        int index = heapSize++;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            final int parentOffset = parent * ENTRY_BYTES;
            if (!less(entryTimestamp, entryKey, entryNamespace, parentOffset))
            {
                break;
            }
            heap.putBytes(index * ENTRY_BYTES, heap, parentOffset, ENTRY_BYTES);
            index = parent;
        }
        putEntry(index * ENTRY_BYTES, entryTimestamp, entryKey, entryNamespace);
    }

    private void pop()
    {
        final int last = --heapSize;
        if (0 == last)
        {
            return;
        }

        final int lastOffset = last * ENTRY_BYTES;
        final long lastTimestamp = heap.getLong(lastOffset + TIMESTAMP_OFFSET);
        final long lastKey = heap.getLong(lastOffset + KEY_OFFSET);
        final long lastNamespace = heap.getLong(lastOffset + NAMESPACE_OFFSET);

        int index = 0;
        while (true)
        {
            int child = (index << 1) + 1;
            if (child >= last)
            {
                break;
            }
            final int right = child + 1;
            if (right < last && less(right * ENTRY_BYTES, child * ENTRY_BYTES))
            {
                child = right;
            }
            final int childOffset = child * ENTRY_BYTES;
            if (!less(childOffset, lastTimestamp, lastKey, lastNamespace))
            {
                break;
            }
            heap.putBytes(index * ENTRY_BYTES, heap, childOffset, ENTRY_BYTES);
            index = child;
        }
        putEntry(index * ENTRY_BYTES, lastTimestamp, lastKey, lastNamespace);
    }

    private void putEntry(final int entryOffset, final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        heap.putLong(entryOffset + TIMESTAMP_OFFSET, entryTimestamp);
        heap.putLong(entryOffset + KEY_OFFSET, entryKey);
        heap.putLong(entryOffset + NAMESPACE_OFFSET, entryNamespace);
    }

    /** @return whether (timestamp, key, namespace) sorts before the heap entry at {@code entryOffset}. */
    private boolean less(final long entryTimestamp, final long entryKey, final long entryNamespace, final int entryOffset)
    {
        return compare(
            entryTimestamp, entryKey, entryNamespace,
            heap.getLong(entryOffset + TIMESTAMP_OFFSET),
            heap.getLong(entryOffset + KEY_OFFSET),
            heap.getLong(entryOffset + NAMESPACE_OFFSET)) < 0;
    }

    /** @return whether the heap entry at {@code entryOffset} sorts before (timestamp, key, namespace). */
    private boolean less(final int entryOffset, final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        return compare(
            heap.getLong(entryOffset + TIMESTAMP_OFFSET),
            heap.getLong(entryOffset + KEY_OFFSET),
            heap.getLong(entryOffset + NAMESPACE_OFFSET),
            entryTimestamp, entryKey, entryNamespace) < 0;
    }

    private boolean less(final int leftOffset, final int rightOffset)
    {
        return less(
            leftOffset,
            heap.getLong(rightOffset + TIMESTAMP_OFFSET),
            heap.getLong(rightOffset + KEY_OFFSET),
            heap.getLong(rightOffset + NAMESPACE_OFFSET));
    }

    /** The firing order: lexicographic over (timestamp, key, namespace), signed. */
    static int compare(
        final long timestamp1, final long key1, final long namespace1,
        final long timestamp2, final long key2, final long namespace2)
    {
        if (timestamp1 != timestamp2)
        {
            return Long.compare(timestamp1, timestamp2);
        }
        if (key1 != key2)
        {
            return Long.compare(key1, key2);
        }

        return Long.compare(namespace1, namespace2);
    }

    private void growHeap()
    {
        if (heapCapacity >= MAX_HEAP_CAPACITY)
        {
            throw new IllegalStateException(describe() + " cannot hold more than " + MAX_HEAP_CAPACITY +
                " heap entries: the heap must stay below 2^31 bytes");
        }

        final ByteBuffer oldByteBuffer = heapByteBuffer;
        final UnsafeBuffer oldHeap = heap;
        allocateHeap((int)Math.min((long)heapCapacity << 1, MAX_HEAP_CAPACITY));
        heap.putBytes(0, oldHeap, 0, heapSize * ENTRY_BYTES);
        BufferUtil.free(oldByteBuffer);
    }

    private void allocateHeap(final int capacity)
    {
        heapByteBuffer = ByteBuffer.allocateDirect(capacity * ENTRY_BYTES);
        heap = new UnsafeBuffer(heapByteBuffer);
        heapCapacity = capacity;
    }

    private String describe()
    {
        return "TimerQueue '" + name + "'";
    }
}
