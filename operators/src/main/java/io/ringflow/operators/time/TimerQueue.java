package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.BlockPool;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Event-time timers of a keyed operator. Timers fire in the total order (timestamp, key, namespace),
 * so the firing order depends only on which timers exist, never on the order they were registered
 * in, and a restored queue fires exactly as the original would have.
 * <p>
 * <b>Why buckets, not one heap.</b> Aligned windows give many keys the same timer timestamp (every
 * key's window [0, 60 s) fires at 59 999). Timers are therefore grouped into one bucket per distinct
 * timestamp (the first entry inline in the bucket's slot, the rest in pooled off-heap blocks), and
 * only the distinct timestamps sit in a min-heap. A bucket that comes due is sorted once by (key,
 * namespace) into a drain list and fired from there: registration is an append and firing a
 * sequential scan, instead of a cache-missing heap sift per timer. Timers registered while a bucket
 * drains at or before its timestamp are inserted into the drain list at their sorted place, which keeps
 * the total order exact.
 * <p>
 * A set keyed by (timestamp, key, namespace) makes registration idempotent and deletion lazy: a
 * deleted timer stays where it is, marked dead, and is skipped when reached; registering it again
 * before then revives it. The queue therefore holds at most one entry per (timestamp, key, namespace).
 * <p>
 * <b>Append-only mode</b> ({@link #appendOnly}) drops that set, which is half the cost of a timer, for
 * owners that check every timer against their own state when it fires (the window operator with its
 * default trigger): registering appends, {@link #delete} does nothing and returns false, and duplicates
 * — adjacent in the total order — fire once.
 * <p>
 * <b>Registration order</b> ({@link #appendOnlyInRegistrationOrder}) is append-only mode without the sort: the
 * timers of one timestamp fire in the order they were registered, and a restored queue keeps that order; a
 * timer registered twice may fire twice (and a repeat that the original would have skipped as adjacent may
 * fire after a restore, which does not keep the last timer polled). It is for owners whose timers only release
 * state and who check each firing against that state, where the order among equal timestamps changes nothing
 * anyone sees (the interval join's and dedup's expiries): the sort was a tenth of the join's time.
 * <p>
 * Typical loop, on a watermark {@code wm}:
 * <pre>{@code
 * while (timers.poll(wm)) { fire(timers.timestamp(), timers.key(), timers.namespace()); }
 * }</pre>
 * Threading: single-threaded; no allocation except when a table, the block pool or an index array grows.
 */
public final class TimerQueue implements AutoCloseable
{
    static final int MAX_TIMERS = Integer.MAX_VALUE / 32;

    private static final byte DEAD = 0;
    private static final byte LIVE = 1;

    /** Bucket slot: | count (int) | head block (int) | tail block (int) | pad | first key | first namespace | */
    private static final int BUCKET_COUNT_OFFSET = 0;
    private static final int BUCKET_HEAD_OFFSET = 4;
    private static final int BUCKET_TAIL_OFFSET = 8;
    private static final int BUCKET_FIRST_KEY_OFFSET = 16;
    private static final int BUCKET_FIRST_NAMESPACE_OFFSET = 24;
    private static final int BUCKET_BYTES = 32;
    private static final int ENTRY_BYTES = 16;
    private static final int BLOCK_BYTES = 512;

    private final String name;
    private final boolean appendOnly;
    /** Whether a timestamp's timers fire by (key, namespace); else in registration order. */
    private final boolean sorted;
    private final OffHeapHashStore set;
    private final OffHeapHashStore buckets;
    private final BlockPool blocks = new BlockPool(BLOCK_BYTES);

    private long[] bucketHeap;
    private int bucketCount;

    private long[] drainTimestamps;
    private long[] drainKeys;
    private long[] drainNamespaces;
    private long[] sortScratchKeys;
    private long[] sortScratchNamespaces;
    private final int[] sortCounts = new int[256];
    private int drainHead;
    private int drainTail;
    private long drainTimestamp;

    private int heldCount;
    private int liveCount;

    private long timestamp;
    private long key;
    private long namespace;
    private boolean polledAny;

    /**
     * @param name            for errors and snapshots.
     * @param initialCapacity expected number of live timers.
     */
    public TimerQueue(final String name, final int initialCapacity)
    {
        this(name, initialCapacity, false, true);
    }

    /**
     * @param name            for errors and snapshots.
     * @param initialCapacity expected number of timers.
     * @return a queue without the liveness set: deletion is ignored and duplicates fire once, so its owner
     *         must check each timer against its own state when it fires.
     */
    public static TimerQueue appendOnly(final String name, final int initialCapacity)
    {
        return new TimerQueue(name, initialCapacity, true, true);
    }

    /**
     * @param name            for errors and snapshots.
     * @param initialCapacity expected number of timers.
     * @return an {@link #appendOnly} queue whose timers of one timestamp fire in registration order rather than
     *         by (key, namespace), and whose duplicates may fire more than once: for owners whose firing order
     *         within a timestamp is invisible, and that check each timer against their own state.
     */
    public static TimerQueue appendOnlyInRegistrationOrder(final String name, final int initialCapacity)
    {
        return new TimerQueue(name, initialCapacity, true, false);
    }

    private TimerQueue(final String name, final int initialCapacity, final boolean appendOnly, final boolean sorted)
    {
        this.name = name;
        this.appendOnly = appendOnly;
        this.sorted = sorted;
        if (initialCapacity < 0 || initialCapacity > MAX_TIMERS)
        {
            throw new IllegalArgumentException(describe() + ": initialCapacity must be in [0, " + MAX_TIMERS +
                "], was " + initialCapacity);
        }
        set = new OffHeapHashStore(name + " timer set", 3, 1, appendOnly ? 0 : initialCapacity);
        buckets = new OffHeapHashStore(name + " timer buckets", 1, BUCKET_BYTES, 64);
        bucketHeap = new long[64];
        drainTimestamps = new long[64];
        drainKeys = new long[64];
        drainNamespaces = new long[64];
        sortScratchKeys = new long[64];
        sortScratchNamespaces = new long[64];
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
        if (appendOnly)
        {
            place(timestamp, key, namespace);
            heldCount++;
            liveCount++;
            return true;
        }
        final int offset = set.getOrInsert(timestamp, key, namespace);
        final MutableDirectBuffer setBuffer = set.buffer();
        if (set.inserted())
        {
            setBuffer.putByte(offset, LIVE);
            place(timestamp, key, namespace);
            heldCount++;
        }
        else if (LIVE == setBuffer.getByte(offset))
        {
            return false;
        }
        else
        {
            // Deleted but still held: reviving it in place keeps one entry per timer.
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
        if (appendOnly)
        {
            return false;
        }
        final int offset = set.find(timestamp, key, namespace);
        if (OffHeapHashStore.NOT_FOUND == offset || DEAD == set.buffer().getByte(offset))
        {
            return false;
        }
        set.buffer().putByte(offset, DEAD);
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
        while (true)
        {
            if (drainHead == drainTail)
            {
                if (0 == bucketCount || bucketHeap[0] > watermark)
                {
                    return false;
                }
                drainBucket(bucketHeap[0]);
            }
            final long headTimestamp = drainTimestamps[drainHead];
            if (headTimestamp > watermark)
            {
                return false;
            }
            final long headKey = drainKeys[drainHead];
            final long headNamespace = drainNamespaces[drainHead];
            advanceDrain();
            if (appendOnly ? takeUnlessRepeated(headTimestamp, headKey, headNamespace) :
                takeFromSet(headTimestamp, headKey, headNamespace))
            {
                timestamp = headTimestamp;
                key = headKey;
                namespace = headNamespace;
                polledAny = true;
                return true;
            }
        }
    }

    /** Append-only mode: duplicates sort next to each other, so one comparison drops the repeats. */
    private boolean takeUnlessRepeated(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        liveCount--;
        return !polledAny || entryTimestamp != timestamp || entryKey != key || entryNamespace != namespace;
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
     * Deleted timers met on the way are discarded.
     *
     * @return the earliest live timer's timestamp, or {@code Long.MAX_VALUE} when none.
     */
    public long nextTimestamp()
    {
        while (true)
        {
            if (drainHead == drainTail)
            {
                if (0 == bucketCount)
                {
                    return Long.MAX_VALUE;
                }
                drainBucket(bucketHeap[0]);
            }
            final long headTimestamp = drainTimestamps[drainHead];
            final long headKey = drainKeys[drainHead];
            final long headNamespace = drainNamespaces[drainHead];
            if (appendOnly)
            {
                return headTimestamp;
            }
            final int offset = set.find(headTimestamp, headKey, headNamespace);
            if (LIVE == set.buffer().getByte(offset))
            {
                return headTimestamp;
            }
            advanceDrain();
            set.remove(headTimestamp, headKey, headNamespace);
        }
    }

    /**
     * Timers already taken out of their bucket and waiting, in firing order, right after the last one polled:
     * a caller about to fire many can look ahead with {@link #queuedKey} and {@link #queuedNamespace} (to
     * fetch their state into the cache together, say). Deleted timers and repeats are among them.
     *
     * @return how many can be looked at; 0 when the next poll starts a new bucket.
     */
    public int queued()
    {
        return drainTail - drainHead;
    }

    /**
     * @param index 0 for the next timer, up to {@link #queued()} - 1.
     * @return that queued timer's key.
     */
    public long queuedKey(final int index)
    {
        return drainKeys[drainHead + index];
    }

    /**
     * @param index 0 for the next timer, up to {@link #queued()} - 1.
     * @return that queued timer's namespace.
     */
    public long queuedNamespace(final int index)
    {
        return drainNamespaces[drainHead + index];
    }

    /** @return number of live timers. */
    public int size()
    {
        return liveCount;
    }

    /** @return timers held, live or deleted but not yet discarded; at least {@link #size()}. */
    public int heapSize()
    {
        return heldCount;
    }

    /** @return bytes held now: the off-heap set, buckets and blocks, and the on-heap index arrays. */
    public long memoryBytes()
    {
        return set.memoryBytes() + buckets.memoryBytes() + blocks.memoryBytes() +
            (long)Long.BYTES * (bucketHeap.length + 3L * drainKeys.length + 2L * sortScratchKeys.length);
    }

    /**
     * Format: count (int), then (timestamp, key, namespace) longs per live timer, in no particular order.
     *
     * @param out destination: the live timers.
     */
    public void snapshot(final SnapshotWriter out)
    {
        if (appendOnly)
        {
            snapshotHeld(out);
            return;
        }
        out.putInt(liveCount);
        set.forEach((entryTimestamp, entryKey, entryNamespace, buffer, offset) ->
        {
            if (LIVE == buffer.getByte(offset))
            {
                out.putLong(entryTimestamp).putLong(entryKey).putLong(entryNamespace);
            }
        });
    }

    /** @param in replaces the content with a {@link #snapshot}. */
    public void restore(final SnapshotReader in)
    {
        final int timerCount = in.getCount(describe() + " timer", MAX_TIMERS);
        // Check up front so that a truncated snapshot leaves the queue as it was.
        if ((long)timerCount * 3 * Long.BYTES > in.remaining())
        {
            throw in.corrupt(describe() + " snapshot declares " + timerCount + " timers of " + 3 * Long.BYTES +
                " bytes at offset " + in.position() + " but only " + in.remaining() + " bytes remain (truncated?)");
        }
        clear();
        for (int i = 0; i < timerCount; i++)
        {
            final long entryTimestamp = in.getLong();
            final long entryKey = in.getLong();
            final long entryNamespace = in.getLong();
            if (!register(entryTimestamp, entryKey, entryNamespace) && !appendOnly)
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
        buckets.close();
        blocks.close();
        bucketHeap = new long[0];
        drainTimestamps = new long[0];
        drainKeys = new long[0];
        drainNamespaces = new long[0];
        sortScratchKeys = new long[0];
        sortScratchNamespaces = new long[0];
        bucketCount = 0;
        drainHead = 0;
        drainTail = 0;
        heldCount = 0;
        liveCount = 0;
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return describe() + "{live=" + liveCount + ", held=" + heldCount + ", distinctTimestamps=" + bucketCount +
            ", draining=" + (drainTail - drainHead) + "}";
    }

    /** Append-only mode: every held timer (duplicates included), from the drain list and the buckets. */
    private void snapshotHeld(final SnapshotWriter out)
    {
        out.putInt(heldCount);
        for (int i = drainHead; i < drainTail; i++)
        {
            out.putLong(drainTimestamps[i]).putLong(drainKeys[i]).putLong(drainNamespaces[i]);
        }
        buckets.forEach((bucketTimestamp, unused1, unused2, bucket, slot) ->
        {
            out.putLong(bucketTimestamp).putLong(bucket.getLong(slot + BUCKET_FIRST_KEY_OFFSET))
                .putLong(bucket.getLong(slot + BUCKET_FIRST_NAMESPACE_OFFSET));
            for (int block = bucket.getInt(slot + BUCKET_HEAD_OFFSET); block != 0; block = blocks.next(block))
            {
                final UnsafeBuffer segment = blocks.segmentOf(block);
                final int start = blocks.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
                for (int entry = start, end = start + blocks.used(block); entry < end; entry += ENTRY_BYTES)
                {
                    out.putLong(bucketTimestamp).putLong(segment.getLong(entry)).putLong(segment.getLong(entry + Long.BYTES));
                }
            }
        });
    }

    private void clear()
    {
        set.clear();
        buckets.clear();
        blocks.clear();
        bucketCount = 0;
        drainHead = 0;
        drainTail = 0;
        heldCount = 0;
        liveCount = 0;
        polledAny = false;
    }

    /** Into the drain list if a bucket at or after this timestamp is draining, else into its bucket. */
    private void place(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        if (drainHead < drainTail && entryTimestamp <= drainTimestamp)
        {
            insertIntoDrain(entryTimestamp, entryKey, entryNamespace);
        }
        else
        {
            addToBucket(entryTimestamp, entryKey, entryNamespace);
        }
    }

    private void addToBucket(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        final int slot = buckets.getOrInsert(entryTimestamp, 0, 0);
        final MutableDirectBuffer bucket = buckets.buffer();
        if (buckets.inserted())
        {
            bucket.putInt(slot + BUCKET_COUNT_OFFSET, 1);
            bucket.putLong(slot + BUCKET_FIRST_KEY_OFFSET, entryKey);
            bucket.putLong(slot + BUCKET_FIRST_NAMESPACE_OFFSET, entryNamespace);
            pushBucket(entryTimestamp);
            return;
        }
        bucket.putInt(slot + BUCKET_COUNT_OFFSET, bucket.getInt(slot + BUCKET_COUNT_OFFSET) + 1);
        int tail = bucket.getInt(slot + BUCKET_TAIL_OFFSET);
        if (0 == tail || blocks.free(tail) < ENTRY_BYTES)
        {
            final int block = blocks.allocate();
            if (0 == tail)
            {
                bucket.putInt(slot + BUCKET_HEAD_OFFSET, block);
            }
            else
            {
                blocks.next(tail, block);
            }
            bucket.putInt(slot + BUCKET_TAIL_OFFSET, block);
            tail = block;
        }
        final UnsafeBuffer segment = blocks.segmentOf(tail);
        final int used = blocks.used(tail);
        final int entry = blocks.offsetOf(tail) + BlockPool.BLOCK_HEADER_BYTES + used;
        segment.putLong(entry, entryKey);
        segment.putLong(entry + Long.BYTES, entryNamespace);
        blocks.used(tail, used + ENTRY_BYTES);
    }

    /** Move the earliest bucket into the (empty) drain list, sorted by (key, namespace). */
    private void drainBucket(final long bucketTimestamp)
    {
        popBucket();
        final int slot = buckets.find(bucketTimestamp, 0, 0);
        final MutableDirectBuffer bucket = buckets.buffer();
        final int count = bucket.getInt(slot + BUCKET_COUNT_OFFSET);
        final int head = bucket.getInt(slot + BUCKET_HEAD_OFFSET);
        ensureDrainCapacity(count);
        drainHead = 0;
        drainTail = 0;
        drainKeys[drainTail] = bucket.getLong(slot + BUCKET_FIRST_KEY_OFFSET);
        drainNamespaces[drainTail++] = bucket.getLong(slot + BUCKET_FIRST_NAMESPACE_OFFSET);
        for (int block = head; block != 0; block = blocks.next(block))
        {
            final UnsafeBuffer segment = blocks.segmentOf(block);
            final int start = blocks.offsetOf(block) + BlockPool.BLOCK_HEADER_BYTES;
            final int end = start + blocks.used(block);
            for (int entry = start; entry < end; entry += ENTRY_BYTES)
            {
                drainKeys[drainTail] = segment.getLong(entry);
                drainNamespaces[drainTail++] = segment.getLong(entry + Long.BYTES);
            }
        }
        blocks.release(head);
        buckets.remove(bucketTimestamp, 0, 0);
        if (sorted)
        {
            if (sortScratchKeys.length < drainTail)
            {
                sortScratchKeys = new long[drainKeys.length];
                sortScratchNamespaces = new long[drainKeys.length];
            }
            TimerSort.radixSort(drainKeys, drainNamespaces, sortScratchKeys, sortScratchNamespaces, sortCounts, drainTail);
        }
        Arrays.fill(drainTimestamps, 0, drainTail, bucketTimestamp);
        drainTimestamp = bucketTimestamp;
    }

    private void advanceDrain()
    {
        heldCount--;
        if (++drainHead == drainTail)
        {
            drainHead = 0;
            drainTail = 0;
        }
    }

    /** Insert at the sorted place among the timers still to drain (all at or before the drain timestamp). */
    private void insertIntoDrain(final long entryTimestamp, final long entryKey, final long entryNamespace)
    {
        int low = drainHead;
        int high = drainTail;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            // sorted: by the total order; in registration order: after every entry of the same timestamp
            final boolean before = sorted ?
                compare(drainTimestamps[mid], drainKeys[mid], drainNamespaces[mid], entryTimestamp, entryKey, entryNamespace) < 0 :
                drainTimestamps[mid] <= entryTimestamp;
            if (before)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        if (low == drainHead && drainHead > 0)
        {
            drainHead--;
            low = drainHead;
        }
        else
        {
            ensureDrainCapacity(drainTail + 1);
            final int moved = drainTail - low;
            System.arraycopy(drainTimestamps, low, drainTimestamps, low + 1, moved);
            System.arraycopy(drainKeys, low, drainKeys, low + 1, moved);
            System.arraycopy(drainNamespaces, low, drainNamespaces, low + 1, moved);
            drainTail++;
        }
        drainTimestamps[low] = entryTimestamp;
        drainKeys[low] = entryKey;
        drainNamespaces[low] = entryNamespace;
    }

    private void ensureDrainCapacity(final int needed)
    {
        if (needed > drainKeys.length)
        {
            final int capacity = Math.max(needed, drainKeys.length * 2);
            drainTimestamps = Arrays.copyOf(drainTimestamps, capacity);
            drainKeys = Arrays.copyOf(drainKeys, capacity);
            drainNamespaces = Arrays.copyOf(drainNamespaces, capacity);
        }
    }

    /**
     * Remove the set entry of a timer just taken from the drain list.
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

    private void pushBucket(final long bucketTimestamp)
    {
        if (bucketCount == bucketHeap.length)
        {
            bucketHeap = Arrays.copyOf(bucketHeap, bucketCount * 2);
        }
        int index = bucketCount++;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            if (bucketHeap[parent] <= bucketTimestamp)
            {
                break;
            }
            bucketHeap[index] = bucketHeap[parent];
            index = parent;
        }
        bucketHeap[index] = bucketTimestamp;
    }

    private void popBucket()
    {
        final long last = bucketHeap[--bucketCount];
        int index = 0;
        while (true)
        {
            int child = (index << 1) + 1;
            if (child >= bucketCount)
            {
                break;
            }
            if (child + 1 < bucketCount && bucketHeap[child + 1] < bucketHeap[child])
            {
                child++;
            }
            if (bucketHeap[child] >= last)
            {
                break;
            }
            bucketHeap[index] = bucketHeap[child];
            index = child;
        }
        if (bucketCount > 0)
        {
            bucketHeap[index] = last;
        }
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
        return TimerSort.compare(key1, namespace1, key2, namespace2);
    }

    private String describe()
    {
        return "TimerQueue '" + name + "'";
    }
}
