package io.ringflow.operators.table;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The table of a {@link TableJoinOperator}: per key, up to {@code maxVersions} versions sorted by
 * timestamp, held inline in one {@link OffHeapHashStore} slot, so that a lookup is one probe and a
 * scan of one or two cache lines, with no pointer to follow and nothing to decode but the value the
 * join function reads.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 count: versions held (int)                    |
 *  +---------------------------------------------------------------+
 *  |          tombstones: bit i set = version i is a delete        |
 *  +---------------------------------------------------------------+
 *  |   evictedFrom: oldest timestamp evicted by the count bound    |
 *  |            since the history was last settled (long)          |
 *  +---------------------------------------------------------------+
 *  |               version 0: timestamp (long)                     |
 *  +---------------------------------------------------------------+
 *  |      version 0: value (valueBytes, padded to 8) ...           |
 *  +---------------------------------------------------------------+
 *  |               version 1 ... up to maxVersions                 |
 *  +---------------------------------------------------------------+
 * </pre>
 * Timestamps within a key are unique and ascending. {@code evictedFrom} is {@link #NONE_EVICTED} unless
 * the count bound dropped a version whose successors alone cannot answer every admissible lookup.
 * <p>
 * Threading: single-threaded, the owning operator's.
 */
final class VersionedTable implements AutoCloseable
{
    /** Lookup result: no version as of the time (none ever, or a delete). */
    static final int NO_MATCH = -1;
    /** Lookup result: the version as of the time was evicted by the count bound. */
    static final int EVICTED = -2;
    /** Insert result: the version is older than every version held and the history is full. */
    static final int DISCARDED = -3;

    static final int MAX_VERSIONS = 32;
    static final long NONE_EVICTED = Long.MAX_VALUE;

    private static final int COUNT_OFFSET = 0;
    private static final int TOMBSTONES_OFFSET = 4;
    private static final int EVICTED_FROM_OFFSET = 8;
    private static final int VERSIONS_OFFSET = 16;

    private final String name;
    private final int maxVersions;
    private final int valueBytes;
    private final int entryBytes;
    private final OffHeapHashStore store;
    private long evictedVersions;
    private long prunedVersions;

    /**
     * @param name         for errors and snapshots.
     * @param maxVersions  versions kept per key, 1 to {@value #MAX_VERSIONS}.
     * @param valueBytes   fixed width of a value.
     * @param expectedKeys presize.
     */
    VersionedTable(final String name, final int maxVersions, final int valueBytes, final int expectedKeys)
    {
        if (maxVersions < 1 || maxVersions > MAX_VERSIONS)
        {
            throw new IllegalArgumentException("table '" + name + "': max versions must be in [1, " + MAX_VERSIONS +
                "], was " + maxVersions);
        }
        if (valueBytes < 0)
        {
            throw new IllegalArgumentException("table '" + name + "': value bytes must be >= 0, was " + valueBytes);
        }
        this.name = name;
        this.maxVersions = maxVersions;
        this.valueBytes = valueBytes;
        this.entryBytes = Long.BYTES + ((valueBytes + 7) & ~7);
        this.store = new OffHeapHashStore(name, 1, VERSIONS_OFFSET + maxVersions * entryBytes, expectedKeys);
    }

    /** @return the buffer value offsets refer to; re-read after every call. */
    MutableDirectBuffer buffer()
    {
        return store.buffer();
    }

    /**
     * @param key the key.
     * @return the offset of the newest version's value, or {@link #NO_MATCH} (absent, or deleted).
     */
    int lookupLatest(final long key)
    {
        final int slot = store.find(key, 0, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return NO_MATCH;
        }
        final MutableDirectBuffer buffer = store.buffer();
        final int newest = buffer.getInt(slot + COUNT_OFFSET) - 1;
        return newest < 0 || isTombstone(buffer, slot, newest) ? NO_MATCH : valueOffset(slot, newest);
    }

    /**
     * The version in force at {@code timestamp}: the one with the greatest timestamp at or below it.
     *
     * @param key       the key.
     * @param timestamp as of when.
     * @return its value offset, {@link #NO_MATCH} (none, or a delete), or {@link #EVICTED}.
     */
    int lookupAsOf(final long key, final long timestamp)
    {
        final int slot = store.find(key, 0, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return NO_MATCH;
        }
        final MutableDirectBuffer buffer = store.buffer();
        for (int i = buffer.getInt(slot + COUNT_OFFSET) - 1; i >= 0; i--)
        {
            if (buffer.getLong(entryOffset(slot, i)) <= timestamp)
            {
                return isTombstone(buffer, slot, i) ? NO_MATCH : valueOffset(slot, i);
            }
        }
        return buffer.getLong(slot + EVICTED_FROM_OFFSET) <= timestamp ? EVICTED : NO_MATCH;
    }

    /**
     * Read the start of the key's probe into the cache ahead of a lookup; see {@link OffHeapHashStore#touch}.
     *
     * @param key the key about to be looked up.
     * @return a value to fold into something kept, so that the read is not dropped.
     */
    long touch(final long key)
    {
        return store.touch(key, 0, 0);
    }

    /**
     * Replace the key's one version (latest mode).
     *
     * @param key       the key.
     * @param timestamp kept for {@link #describe}.
     * @return the value offset to write the value at.
     */
    int putLatest(final long key, final long timestamp)
    {
        final int slot = store.getOrInsert(key, 0, 0);
        final MutableDirectBuffer buffer = store.buffer();
        buffer.putInt(slot + COUNT_OFFSET, 1);
        buffer.putInt(slot + TOMBSTONES_OFFSET, 0);
        buffer.putLong(slot + EVICTED_FROM_OFFSET, NONE_EVICTED);
        return writeVersion(buffer, slot, 0, timestamp);
    }

    /**
     * @param key the key.
     * @return whether it was held.
     */
    boolean remove(final long key)
    {
        return store.remove(key, 0, 0);
    }

    /**
     * Insert a version at its place by timestamp (temporal mode), after {@link #prune pruning} with
     * {@code bound}. Equal timestamp: the new version replaces the held one. A full history evicts its
     * oldest version, which is the new one if it is older than all.
     *
     * @param key       the key.
     * @param timestamp the version's time.
     * @param tombstone whether it is a delete.
     * @param bound     versions superseded at or before it are no longer needed.
     * @return the value offset to write the value at (zero-filled), or {@link #DISCARDED}.
     */
    int insert(final long key, final long timestamp, final boolean tombstone, final long bound)
    {
        final int slot = store.getOrInsert(key, 0, 0);
        final MutableDirectBuffer buffer = store.buffer();
        if (store.inserted())
        {
            buffer.putLong(slot + EVICTED_FROM_OFFSET, NONE_EVICTED);
        }
        int count = prune(buffer, slot, bound);
        int position = count;
        while (position > 0 && buffer.getLong(entryOffset(slot, position - 1)) >= timestamp)
        {
            position--;
        }

        long tombstones = buffer.getInt(slot + TOMBSTONES_OFFSET) & 0xFFFF_FFFFL;
        if (position < count && buffer.getLong(entryOffset(slot, position)) == timestamp)
        {
            buffer.putInt(slot + TOMBSTONES_OFFSET, (int)withBit(tombstones, position, tombstone));
            return writeVersion(buffer, slot, position, timestamp);
        }

        if (count == maxVersions)
        {
            evictedVersions++;
            final long evictedFrom = buffer.getLong(slot + EVICTED_FROM_OFFSET);
            if (position == 0)
            {
                buffer.putLong(slot + EVICTED_FROM_OFFSET, Math.min(evictedFrom, timestamp));
                return DISCARDED;
            }
            buffer.putLong(slot + EVICTED_FROM_OFFSET, Math.min(evictedFrom, buffer.getLong(entryOffset(slot, 0))));
            moveEntries(buffer, entryOffset(slot, 1), entryOffset(slot, 0), (position - 1) * entryBytes);
            final long below = tombstones & lowBits(position);
            tombstones = (below >>> 1) | (tombstones & ~lowBits(position));
            position--;
        }
        else
        {
            moveEntries(buffer, entryOffset(slot, position), entryOffset(slot, position + 1), (count - position) * entryBytes);
            tombstones = (tombstones & lowBits(position)) | ((tombstones & ~lowBits(position)) << 1);
            count++;
            buffer.putInt(slot + COUNT_OFFSET, count);
        }
        buffer.putInt(slot + TOMBSTONES_OFFSET, (int)withBit(tombstones, position, tombstone));
        return writeVersion(buffer, slot, position, timestamp);
    }

    /**
     * Drop the key's versions that no lookup at a time after {@code bound} can choose, and the key
     * itself when none is left.
     *
     * @param key   the key.
     * @param bound the earliest lookup time still admitted, minus one.
     */
    void prune(final long key, final long bound)
    {
        final int slot = store.find(key, 0, 0);
        if (slot != OffHeapHashStore.NOT_FOUND && prune(store.buffer(), slot, bound) == 0)
        {
            store.removeAt(slot);
        }
    }

    /**
     * Keep the version in force at {@code bound} and the newer ones; drop the in-force one too when it is
     * a delete (absent and deleted read the same). Once the version in force at the bound is known, the
     * history before it is settled: what the count bound evicted there no longer matters.
     *
     * @return versions left.
     */
    private int prune(final MutableDirectBuffer buffer, final int slot, final long bound)
    {
        final int count = buffer.getInt(slot + COUNT_OFFSET);
        int inForce = count - 1;
        while (inForce >= 0 && buffer.getLong(entryOffset(slot, inForce)) > bound)
        {
            inForce--;
        }
        if (inForce < 0)
        {
            return count;
        }
        buffer.putLong(slot + EVICTED_FROM_OFFSET, NONE_EVICTED);
        final long tombstones = buffer.getInt(slot + TOMBSTONES_OFFSET) & 0xFFFF_FFFFL;
        final int drop = isTombstone(buffer, slot, inForce) ? inForce + 1 : inForce;
        if (drop == 0)
        {
            return count;
        }
        moveEntries(buffer, entryOffset(slot, drop), entryOffset(slot, 0), (count - drop) * entryBytes);
        buffer.putInt(slot + TOMBSTONES_OFFSET, (int)(tombstones >>> drop));
        buffer.putInt(slot + COUNT_OFFSET, count - drop);
        prunedVersions += drop;
        return count - drop;
    }

    /**
     * Describe one key's versions, oldest first.
     *
     * @param key      the key.
     * @param bound    the current prune bound, to mark versions no lookup can choose any more.
     * @param describe renders a value given (buffer, value offset).
     * @param prefix   starts every line.
     * @param lines    receives one line per version.
     */
    void describe(
        final long key,
        final long bound,
        final BiFunction<MutableDirectBuffer, Integer, String> describe,
        final String prefix,
        final List<String> lines)
    {
        final int slot = store.find(key, 0, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return;
        }
        final MutableDirectBuffer buffer = store.buffer();
        final int count = buffer.getInt(slot + COUNT_OFFSET);
        final long evictedFrom = buffer.getLong(slot + EVICTED_FROM_OFFSET);
        if (evictedFrom != NONE_EVICTED)
        {
            lines.add(prefix + "versions from @" + evictedFrom + " up to the oldest below were evicted (history bound " +
                maxVersions + ")");
        }
        for (int i = 0; i < count; i++)
        {
            final long timestamp = buffer.getLong(entryOffset(slot, i));
            final boolean superseded = i + 1 < count && buffer.getLong(entryOffset(slot, i + 1)) <= bound;
            lines.add(prefix + "version @" + timestamp + " " +
                (isTombstone(buffer, slot, i) ? "deleted" : describe.apply(buffer, valueOffset(slot, i))) +
                (superseded ? " (superseded at or before watermark - retention: dropped when the key is next written)" : ""));
        }
    }

    /** @return keys held. */
    int size()
    {
        return store.size();
    }

    /** @return versions dropped by the count bound so far. */
    long evictedVersions()
    {
        return evictedVersions;
    }

    /** @return versions dropped because no admissible lookup could choose them any more. */
    long prunedVersions()
    {
        return prunedVersions;
    }

    /** @return off-heap bytes. */
    long memoryBytes()
    {
        return store.memoryBytes();
    }

    /** @param out receives the counters and every key's slot. */
    void snapshot(final SnapshotWriter out)
    {
        out.putLong(evictedVersions).putLong(prunedVersions);
        store.snapshot(out);
    }

    /** @param in replaces the content. */
    void restore(final SnapshotReader in)
    {
        evictedVersions = in.getLong();
        prunedVersions = in.getLong();
        store.restore(in);
    }

    @Override
    public void close()
    {
        store.close();
    }

    private int writeVersion(final MutableDirectBuffer buffer, final int slot, final int index, final long timestamp)
    {
        final int entry = entryOffset(slot, index);
        buffer.putLong(entry, timestamp);
        buffer.setMemory(entry + Long.BYTES, entryBytes - Long.BYTES, (byte)0);
        return entry + Long.BYTES;
    }

    private int entryOffset(final int slot, final int index)
    {
        return slot + VERSIONS_OFFSET + index * entryBytes;
    }

    private int valueOffset(final int slot, final int index)
    {
        return entryOffset(slot, index) + Long.BYTES;
    }

    private static boolean isTombstone(final MutableDirectBuffer buffer, final int slot, final int index)
    {
        return (buffer.getInt(slot + TOMBSTONES_OFFSET) >>> index & 1) != 0;
    }

    private static long lowBits(final int count)
    {
        return (1L << count) - 1;
    }

    private static long withBit(final long bits, final int index, final boolean set)
    {
        return set ? bits | (1L << index) : bits & ~(1L << index);
    }

    /** Entries are whole longs: move them a long at a time, in the direction that overlapping ranges need. */
    private static void moveEntries(final MutableDirectBuffer buffer, final int from, final int to, final int bytes)
    {
        if (to < from)
        {
            for (int i = 0; i < bytes; i += Long.BYTES)
            {
                buffer.putLong(to + i, buffer.getLong(from + i));
            }
        }
        else
        {
            for (int i = bytes - Long.BYTES; i >= 0; i -= Long.BYTES)
            {
                buffer.putLong(to + i, buffer.getLong(from + i));
            }
        }
    }

    /** @return the fixed value width. */
    int valueBytes()
    {
        return valueBytes;
    }

    /** @return versions kept per key at most. */
    int maxVersions()
    {
        return maxVersions;
    }

    @Override
    public String toString()
    {
        return "VersionedTable '" + name + "'{keys=" + store.size() + ", maxVersions=" + maxVersions + "}";
    }
}
