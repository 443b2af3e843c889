package io.ringflow.operators.state;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * An off-heap, open-addressing hash table from keys of 1 to 3 {@code long}s to fixed-width value
 * slots: the storage of every keyed operator (window accumulators keyed by (key, window start),
 * timers by (key, namespace, timestamp), dedup sets, keyed value state).
 * <p>
 * <b>Layout.</b> One slot per entry: an 8-byte header (state + hash bits), the key longs, the value
 * bytes rounded up to 8. Linear probing; deletion by backward shift, so there are no tombstones.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  header: 0 = empty, hash | 1 = occupied, 2 = moved (old table)|
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  key longs (keyLongs * 8 bytes) ...           |
 *  +---------------------------------------------------------------+
 *  |          value (valueBytes, padded to a multiple of 8) ...    |
 *  +---------------------------------------------------------------+
 * </pre>
 * <p>
 * <b>Growth.</b> When the load passes 0.7 a table of twice the capacity is allocated and entries move
 * across incrementally (a few slots per insert or remove, and any entry found in the old table is
 * moved on the spot), so no single call pays a pause proportional to the size beyond zeroing the new
 * memory. Presize with {@code initialCapacity} to avoid growth altogether. Lookups alone do not drain
 * the old table: after a growth, a store that is only read keeps both tables until its next write.
 * <p>
 * <b>Memory.</b> {@link #slotBytes()} per slot, and the load stays between 0.35 and 0.7 once a growth
 * has completed, so an entry costs between {@code slotBytes / 0.7} (about 1.43 slots) and
 * {@code slotBytes / 0.35} (about 2.86 slots) bytes; while a growth is in progress the old table adds
 * half as much again. For example, one key long and an 8-byte value: 24-byte slots, 34 to 69 bytes per
 * entry. Each table also takes {@link #TABLE_ALIGNMENT_BYTES} extra so that it starts on a cache line
 * (included in {@link #memoryBytes()}). One table is limited to less than 2^31 bytes.
 * <p>
 * <b>Offsets.</b> Value slots are addressed as {@code (buffer(), offset)}. An offset, and the buffer
 * reference, are valid only until the next call on this store.
 * <p>
 * Threading: single-threaded, no locks, no allocation on get/insert/remove except when growing.
 */
public final class OffHeapHashStore implements AutoCloseable
{
    /** Each table is allocated this much larger so that it can start on a cache-line boundary. */
    public static final int TABLE_ALIGNMENT_BYTES = 64;

    /** Returned by {@link #find} when the key is absent. */
    public static final int NOT_FOUND = -1;

    static final int HEADER_BYTES = Long.BYTES;
    static final long EMPTY = 0L;
    static final long OCCUPIED_BIT = 1L;
    /** An old-table slot whose entry now lives in the new table (or was removed from the old one). */
    static final long MOVED = 2L;
    static final int MIN_CAPACITY = 8;
    /** Old slots visited per write while growing; see {@link #startGrowth()} for why this bounds the load. */
    static final int MIGRATION_STEP_SLOTS = 16;
    static final long MAX_TABLE_BYTES = Integer.MAX_VALUE;

    private final String name;
    private final int keyLongs;
    private final int valueBytes;
    private final int slotBytes;
    private final int valueOffsetInSlot;
    private final int maxCapacity;

    private ByteBuffer byteBuffer;
    private UnsafeBuffer table;
    private int capacity;
    private int mask;
    private int resizeThreshold;

    private ByteBuffer oldByteBuffer;
    private UnsafeBuffer oldTable;
    private int oldCapacity;
    private int oldMask;
    private int migrateIndex;
    private int oldCount;

    private int count;
    private boolean inserted;

    /**
     * @param name            for error messages and snapshots.
     * @param keyLongs        key width: 1, 2 or 3 longs; unused key arguments are ignored.
     * @param valueBytes      value width in bytes, {@code >= 0}.
     * @param initialCapacity expected number of entries; the table is sized so that they fit without growth.
     */
    public OffHeapHashStore(final String name, final int keyLongs, final int valueBytes, final int initialCapacity)
    {
        this(name, keyLongs, valueBytes, initialCapacity, MAX_TABLE_BYTES);
    }

    /**
     * With a lower limit on one table's size, so that tests reach the limit without gigabytes.
     */
    OffHeapHashStore(
        final String name, final int keyLongs, final int valueBytes, final int initialCapacity, final long maxTableBytes)
    {
        this.name = name;
        if (keyLongs < 1 || keyLongs > 3)
        {
            throw new IllegalArgumentException(describe() + ": keyLongs must be 1, 2 or 3, was " + keyLongs);
        }
        if (valueBytes < 0)
        {
            throw new IllegalArgumentException(describe() + ": valueBytes must be >= 0, was " + valueBytes);
        }
        if (initialCapacity < 0)
        {
            throw new IllegalArgumentException(describe() + ": initialCapacity must be >= 0, was " + initialCapacity);
        }

        final long slotBytesLong = HEADER_BYTES + (long)Long.BYTES * keyLongs + align8(valueBytes);
        final long capacityNeeded = capacityFor(initialCapacity);
        if (slotBytesLong * capacityNeeded > maxTableBytes)
        {
            throw new IllegalArgumentException(describe() + ": initialCapacity " + initialCapacity + " with valueBytes " +
                valueBytes + " needs " + capacityNeeded + " slots of " + slotBytesLong + " bytes = " +
                slotBytesLong * capacityNeeded + " bytes, but one table must stay below 2^31 bytes (limit " +
                maxTableBytes + ")");
        }

        this.keyLongs = keyLongs;
        this.valueBytes = valueBytes;
        this.slotBytes = (int)slotBytesLong;
        this.valueOffsetInSlot = HEADER_BYTES + Long.BYTES * keyLongs;
        this.maxCapacity = (int)Long.highestOneBit(maxTableBytes / slotBytesLong);
        allocateTable((int)capacityNeeded);
    }

    /** @return the name given at construction. */
    public String name()
    {
        return name;
    }

    /** @return key width in longs. */
    public int keyLongs()
    {
        return keyLongs;
    }

    /** @return value width in bytes. */
    public int valueBytes()
    {
        return valueBytes;
    }

    /** @return slots in the current table, the one {@link #buffer()} returns. */
    public int capacity()
    {
        return capacity;
    }

    /** @return whether entries are still moving from an old, half-size table (both are then allocated). */
    public boolean migrating()
    {
        return null != oldTable;
    }

    /**
     * Read it after the call that returned the offset: {@code buffer().putLong(getOrInsert(k, 0, 0), v)}
     * evaluates {@code buffer()} first, and an insert that starts a growth replaces the table.
     *
     * @return the buffer that value offsets refer to; re-read it after every call.
     */
    public MutableDirectBuffer buffer()
    {
        return table;
    }

    /**
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return the value offset in {@link #buffer()}, or {@link #NOT_FOUND}.
     */
    public int find(final long k0, final long k1, final long k2)
    {
        final long header = hash(k0, k1, k2) | OCCUPIED_BIT;
        final int result = probe(table.addressOffset(), mask, header, k0, k1, k2);
        if (result >= 0)
        {
            return valueOffset(result);
        }

        if (null != oldTable)
        {
            final int oldIndex = probe(oldTable.addressOffset(), oldMask, header, k0, k1, k2);
            if (oldIndex >= 0)
            {
                return moveFromOld(oldIndex, ~result);
            }
        }

        return NOT_FOUND;
    }

    /**
     * Find the entry or insert it with a zero-filled value; {@link #inserted()} tells which.
     *
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return the value offset in {@link #buffer()}.
     */
    public int getOrInsert(final long k0, final long k1, final long k2)
    {
        if (null != oldTable)
        {
            migrateStep();
        }

        final long header = hash(k0, k1, k2) | OCCUPIED_BIT;
        int result = probe(table.addressOffset(), mask, header, k0, k1, k2);
        if (result >= 0)
        {
            inserted = false;
            return valueOffset(result);
        }

        if (null != oldTable)
        {
            final int oldIndex = probe(oldTable.addressOffset(), oldMask, header, k0, k1, k2);
            if (oldIndex >= 0)
            {
                inserted = false;
                return moveFromOld(oldIndex, ~result);
            }
        }
        else if (count >= resizeThreshold)
        {
            startGrowth();
            result = ~homeIndex(header, mask);
        }

        inserted = true;
        return insertAt(~result, header, k0, k1, k2);
    }

    /** @return whether the last {@link #getOrInsert} created its entry. */
    public boolean inserted()
    {
        return inserted;
    }

    /**
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return whether an entry was removed.
     */
    public boolean remove(final long k0, final long k1, final long k2)
    {
        if (null != oldTable)
        {
            migrateStep();
        }

        final long header = hash(k0, k1, k2) | OCCUPIED_BIT;
        final int index = probe(table.addressOffset(), mask, header, k0, k1, k2);
        if (index >= 0)
        {
            deleteByBackwardShift(index);
            count--;
            return true;
        }

        if (null != oldTable)
        {
            final int oldIndex = probe(oldTable.addressOffset(), oldMask, header, k0, k1, k2);
            if (oldIndex >= 0)
            {
                // The old table is never shifted: MOVED keeps the probe chains through this slot intact.
                putWord(oldTable.addressOffset(), oldIndex * slotBytes, MOVED);
                count--;
                if (--oldCount == 0)
                {
                    freeOldTable();
                }
                return true;
            }
        }

        return false;
    }

    /**
     * Read the headers of the slot where the key's probe starts and of the slot after it, so that a later
     * {@link #find}, {@link #getOrInsert} or {@link #removeAt} of it finds them in the cache (the probe mostly
     * ends in the first, a removal's backward shift looks at the second): a caller that knows several keys
     * ahead touches them one after another and their cache misses overlap, instead of each lookup waiting
     * for its own.
     *
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return the headers read, combined; fold it into something the caller keeps, or the compiler may drop the reads.
     */
    public long touch(final long k0, final long k1, final long k2)
    {
        final int home = homeIndex(hash(k0, k1, k2), mask);
        final long address = table.addressOffset();
        return word(address, home * slotBytes) ^ word(address, ((home + 1) & mask) * slotBytes);
    }

    /**
     * Remove the entry at a value offset that {@link #find} or {@link #getOrInsert} returned, with no other
     * call on this store in between: {@link #remove} without probing for the key again.
     *
     * @param valueOffset the entry's value offset, as returned.
     */
    public void removeAt(final int valueOffset)
    {
        final int index = (valueOffset - valueOffsetInSlot) / slotBytes;
        if (valueOffset < 0 || index >= capacity || (word(table.addressOffset(), index * slotBytes) & OCCUPIED_BIT) == 0)
        {
            throw new IllegalArgumentException(describe() + ": no entry at value offset " + valueOffset);
        }
        if (null != oldTable)
        {
            // Migration only fills empty slots of the current table, so the entry stays at index.
            migrateStep();
        }
        deleteByBackwardShift(index);
        count--;
    }

    /** @return number of entries. */
    public int size()
    {
        return count;
    }

    /** @return off-heap bytes held now (both tables while growing). */
    public long memoryBytes()
    {
        return tableBytes(capacity) + tableBytes(oldCapacity);
    }

    private long tableBytes(final int tableCapacity)
    {
        return tableCapacity == 0 ? 0 : (long)slotBytes * tableCapacity + TABLE_ALIGNMENT_BYTES;
    }

    /** @return bytes one slot takes: 8 + 8 * keyLongs + valueBytes rounded up to 8. */
    public int slotBytes()
    {
        return slotBytes;
    }

    /**
     * Visit every entry, in an unspecified order. The visitor must not call this store.
     *
     * @param visitor receives each entry.
     */
    public void forEach(final EntryVisitor visitor)
    {
        visitTable(table, capacity, visitor);
        if (null != oldTable)
        {
            visitTable(oldTable, oldCapacity, visitor);
        }
    }

    /** Remove every entry, keeping the memory. */
    public void clear()
    {
        if (null != oldTable)
        {
            freeOldTable();
        }
        table.setMemory(0, capacity * slotBytes, (byte)0);
        count = 0;
        inserted = false;
    }

    /**
     * Write every entry (count, then keys and value bytes); independent of capacity and layout.
     * <p>
     * Format: keyLongs (int), valueBytes (int), count (int), then per entry its key longs and its
     * {@code valueBytes} value bytes (unpadded).
     *
     * @param out destination.
     */
    public void snapshot(final SnapshotWriter out)
    {
        out.putInt(keyLongs).putInt(valueBytes).putInt(count);
        snapshotTable(table, capacity, out);
        if (null != oldTable)
        {
            snapshotTable(oldTable, oldCapacity, out);
        }
    }

    /**
     * Replace the content with a {@link #snapshot}; key width and value width must match.
     *
     * @param in source.
     */
    public void restore(final SnapshotReader in)
    {
        final int snapshotKeyLongs = in.getInt();
        final int snapshotValueBytes = in.getInt();
        if (snapshotKeyLongs != keyLongs || snapshotValueBytes != valueBytes)
        {
            throw in.corrupt(describe() + " has keyLongs=" + keyLongs + " and valueBytes=" + valueBytes +
                " but the snapshot has keyLongs=" + snapshotKeyLongs + " and valueBytes=" + snapshotValueBytes);
        }

        final int entryCount = in.getCount(describe() + " entry", thresholdFor(maxCapacity));
        final long entryBytes = (long)Long.BYTES * keyLongs + valueBytes;
        // Check up front so that a truncated snapshot leaves the store as it was.
        if (entryBytes * entryCount > in.remaining())
        {
            throw in.corrupt(describe() + " snapshot declares " + entryCount + " entries of " + entryBytes +
                " bytes at offset " + in.position() + " but only " + in.remaining() + " bytes remain (truncated?)");
        }

        clear();
        if (entryCount > resizeThreshold)
        {
            BufferUtil.free(byteBuffer);
            allocateTable((int)capacityFor(entryCount));
        }

        for (int i = 0; i < entryCount; i++)
        {
            final long k0 = in.getLong();
            final long k1 = keyLongs > 1 ? in.getLong() : 0L;
            final long k2 = keyLongs > 2 ? in.getLong() : 0L;
            final int offset = getOrInsert(k0, k1, k2);
            if (!inserted)
            {
                throw in.corrupt(describe() + " snapshot holds key (" + k0 + ", " + k1 + ", " + k2 + ") twice, at entry " +
                    i + " of " + entryCount);
            }
            in.getBytes(table, offset, valueBytes);
        }
    }

    /** Free the off-heap memory. Idempotent; the store must not be used afterwards. */
    @Override
    public void close()
    {
        if (null != oldTable)
        {
            freeOldTable();
        }
        if (null != byteBuffer)
        {
            BufferUtil.free(byteBuffer);
            byteBuffer = null;
            table = null;
            capacity = 0;
            count = 0;
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return describe() + "{keyLongs=" + keyLongs + ", valueBytes=" + valueBytes + ", size=" + count +
            ", capacity=" + capacity + ", migrating=" + migrating() + "}";
    }

    /** Receives entries from {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor
    {
        /**
         * @param k0          first key long.
         * @param k1          second (0 when unused).
         * @param k2          third (0 when unused).
         * @param buffer      holds the value.
         * @param valueOffset the value's offset.
         */
        void visit(long k0, long k1, long k2, MutableDirectBuffer buffer, int valueOffset);
    }

    /**
     * murmur3's fmix64 finaliser over the key longs, each folded in with an odd multiplier and a
     * rotation first so that (a, b) and (b, a) differ and sequential ids spread over every bit.
     * Package-private so that tests can pick keys that collide or wrap around the table end.
     */
    long hash(final long k0, final long k1, final long k2)
    {
        long h = k0 * 0x9E3779B97F4A7C15L;
        if (keyLongs > 1)
        {
            h = (Long.rotateLeft(h, 31) ^ k1) * 0xC2B2AE3D27D4EB4FL;
        }
        if (keyLongs > 2)
        {
            h = (Long.rotateLeft(h, 31) ^ k2) * 0x165667B19E3779F9L;
        }

        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;

        return h;
    }

    /**
     * The upper half of the hash picks the slot, so the occupied bit (bit 0) costs no index bits and
     * the home slot can be recomputed from a stored header alone when shifting or migrating.
     */
    static int homeIndex(final long header, final int mask)
    {
        return (int)(header >>> 32) & mask;
    }

    private int valueOffset(final int index)
    {
        return index * slotBytes + valueOffsetInSlot;
    }

    /**
     * @return the slot index holding the key, or {@code ~index} of the empty slot that ended the probe
     *         (where the key would be inserted).
     */
    private int probe(
        final long address, final int tableMask, final long header, final long k0, final long k1, final long k2)
    {
        int index = homeIndex(header, tableMask);
        while (true)
        {
            final int slotOffset = index * slotBytes;
            final long slotHeader = word(address, slotOffset);
            if (EMPTY == slotHeader)
            {
                return ~index;
            }
            if (slotHeader == header && keyEquals(address, slotOffset, k0, k1, k2))
            {
                return index;
            }
            index = (index + 1) & tableMask;
        }
    }

    private boolean keyEquals(final long address, final int slotOffset, final long k0, final long k1, final long k2)
    {
        final int keyOffset = slotOffset + HEADER_BYTES;
        return word(address, keyOffset) == k0 &&
            (keyLongs < 2 || word(address, keyOffset + Long.BYTES) == k1) &&
            (keyLongs < 3 || word(address, keyOffset + 2 * Long.BYTES) == k2);
    }

    private int insertAt(final int index, final long header, final long k0, final long k1, final long k2)
    {
        final int slotOffset = index * slotBytes;
        final int keyOffset = slotOffset + HEADER_BYTES;
        final long address = table.addressOffset();
        putWord(address, slotOffset, header);
        putWord(address, keyOffset, k0);
        if (keyLongs > 1)
        {
            putWord(address, keyOffset + Long.BYTES, k1);
        }
        if (keyLongs > 2)
        {
            putWord(address, keyOffset + 2 * Long.BYTES, k2);
        }

        // A slot freed by a backward shift still holds the value of whatever lived there.
        final int valueOffset = slotOffset + valueOffsetInSlot;
        // Long stores, not setMemory: values are a few words, and setMemory's native call costs more than they do.
        for (int offset = valueOffset, end = slotOffset + slotBytes; offset < end; offset += Long.BYTES)
        {
            putWord(address, offset, 0L);
        }
        count++;

        return valueOffset;
    }

    private void deleteByBackwardShift(final int index)
    {
        final long address = table.addressOffset();
        int hole = index;
        int next = (index + 1) & mask;
        while (true)
        {
            final int nextOffset = next * slotBytes;
            final long nextHeader = word(address, nextOffset);
            if (EMPTY == nextHeader)
            {
                break;
            }

            // The entry at next may fill the hole only if the hole lies on its probe path, i.e.
            // cyclically between its home slot and next.
            final int home = homeIndex(nextHeader, mask);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                copySlot(address, hole * slotBytes, address, nextOffset);
                hole = next;
            }
            next = (next + 1) & mask;
        }
        putWord(address, hole * slotBytes, EMPTY);
    }

    /**
     * Start moving every entry into a table of twice the capacity. The new table cannot fill, nor even
     * reach its own threshold, before the old one is drained: growth starts with at most
     * {@code 0.7 * C + 1} entries (C the old capacity), every later getOrInsert or remove visits at least
     * {@link #MIGRATION_STEP_SLOTS} old slots, so the old table is drained within {@code C / 16} writes,
     * each adding at most one entry. The new table then holds at most {@code 0.7 * C + 2 + C / 16}
     * entries in {@code 2 * C} slots: below its own threshold of {@code 1.4 * C} for every C &gt;= 8 (a
     * load that tends to 0.38 as C grows), so it never fills, no growth starts during a growth, and
     * never more than two tables exist. The old table is only probed, never inserted into, and MOVED slots never become
     * empty, so its probes still end at one of its {@code 0.3 * C} empty slots.
     */
    private void startGrowth()
    {
        if (capacity >= maxCapacity)
        {
            throw new IllegalStateException(describe() + " cannot grow beyond " + count + " entries: a table of " +
                ((long)capacity << 1) + " slots of " + slotBytes + " bytes would exceed " + maxCapacity * (long)slotBytes +
                " bytes, and one table must stay below 2^31 bytes");
        }

        oldByteBuffer = byteBuffer;
        oldTable = table;
        oldCapacity = capacity;
        oldMask = mask;
        oldCount = count;
        migrateIndex = 0;
        allocateTable(capacity << 1);
    }

    private void migrateStep()
    {
        final int end = Math.min(migrateIndex + MIGRATION_STEP_SLOTS, oldCapacity);
        final long address = table.addressOffset();
        final long oldAddress = oldTable.addressOffset();
        for (int i = migrateIndex; i < end; i++)
        {
            final int oldOffset = i * slotBytes;
            final long header = word(oldAddress, oldOffset);
            if ((header & OCCUPIED_BIT) != 0)
            {
                int index = homeIndex(header, mask);
                while (EMPTY != word(address, index * slotBytes))
                {
                    index = (index + 1) & mask;
                }
                copySlot(address, index * slotBytes, oldAddress, oldOffset);
                putWord(oldAddress, oldOffset, MOVED);
                oldCount--;
            }
        }
        migrateIndex = end;

        if (0 == oldCount)
        {
            freeOldTable();
        }
    }

    /** Slots are a few words: long moves beat putBytes, whose native copy costs more than that. */
    private void copySlot(final long to, final int toOffset, final long from, final int fromOffset)
    {
        for (int i = 0; i < slotBytes; i += Long.BYTES)
        {
            putWord(to, toOffset + i, word(from, fromOffset + i));
        }
    }

    /**
     * A word of a table, read without Agrona's bounds check. Every caller passes a slot offset
     * {@code (index & mask) * slotBytes} plus less than {@code slotBytes}, which lies inside a table of
     * {@code (mask + 1) * slotBytes} bytes by construction, and a table's address read from its live buffer
     * (a closed store has none, so a call after {@link #close} fails with a NullPointerException, never
     * reads freed memory): the check could never fail, and on the probe path it cost a tenth of a join's time (JMH
     * {@code IntervalJoinBenchmark}, async-profiler). The value area, which callers address, stays checked
     * through {@link #buffer()}.
     */
    private static long word(final long address, final int offset)
    {
        return UnsafeApi.getLong(address + offset);
    }

    private static void putWord(final long address, final int offset, final long value)
    {
        UnsafeApi.putLong(address + offset, value);
    }

    private int moveFromOld(final int oldIndex, final int emptyIndex)
    {
        final int oldOffset = oldIndex * slotBytes;
        final int newOffset = emptyIndex * slotBytes;
        copySlot(table.addressOffset(), newOffset, oldTable.addressOffset(), oldOffset);
        putWord(oldTable.addressOffset(), oldOffset, MOVED);
        if (--oldCount == 0)
        {
            freeOldTable();
        }

        return newOffset + valueOffsetInSlot;
    }

    private void freeOldTable()
    {
        BufferUtil.free(oldByteBuffer);
        oldByteBuffer = null;
        oldTable = null;
        oldCapacity = 0;
        oldMask = 0;
        oldCount = 0;
        migrateIndex = 0;
    }

    private void allocateTable(final int newCapacity)
    {
        // Over-allocate and start the table on a cache-line boundary: a 64-byte slot then sits in one line,
        // one miss per lookup instead of two. The original buffer is kept, since only it can be freed.
        byteBuffer = ByteBuffer.allocateDirect(newCapacity * slotBytes + TABLE_ALIGNMENT_BYTES);
        final int misalignment = (int)(BufferUtil.address(byteBuffer) & (TABLE_ALIGNMENT_BYTES - 1));
        final int alignedOffset = (TABLE_ALIGNMENT_BYTES - misalignment) & (TABLE_ALIGNMENT_BYTES - 1);
        table = new UnsafeBuffer(byteBuffer, alignedOffset, newCapacity * slotBytes);
        capacity = newCapacity;
        mask = newCapacity - 1;
        resizeThreshold = thresholdFor(newCapacity);
    }

    private void visitTable(final UnsafeBuffer buffer, final int tableCapacity, final EntryVisitor visitor)
    {
        for (int i = 0; i < tableCapacity; i++)
        {
            final int slotOffset = i * slotBytes;
            if ((buffer.getLong(slotOffset) & OCCUPIED_BIT) != 0)
            {
                final int keyOffset = slotOffset + HEADER_BYTES;
                visitor.visit(
                    buffer.getLong(keyOffset),
                    keyLongs > 1 ? buffer.getLong(keyOffset + Long.BYTES) : 0L,
                    keyLongs > 2 ? buffer.getLong(keyOffset + 2 * Long.BYTES) : 0L,
                    buffer,
                    slotOffset + valueOffsetInSlot);
            }
        }
    }

    private void snapshotTable(final UnsafeBuffer buffer, final int tableCapacity, final SnapshotWriter out)
    {
        final int entryBytes = Long.BYTES * keyLongs + valueBytes;
        for (int i = 0; i < tableCapacity; i++)
        {
            final int slotOffset = i * slotBytes;
            if ((buffer.getLong(slotOffset) & OCCUPIED_BIT) != 0)
            {
                // the value follows the keys in a slot, and the writer puts longs in the buffer's byte order
                // as the table does: key longs then value are one copy, the same bytes as long by long
                out.putBytes(buffer, slotOffset + HEADER_BYTES, entryBytes);
            }
        }
    }

    private String describe()
    {
        return "OffHeapHashStore '" + name + "'";
    }

    private static long align8(final long bytes)
    {
        return (bytes + 7) & ~7L;
    }

    private static int thresholdFor(final int tableCapacity)
    {
        return (int)(tableCapacity * 7L / 10);
    }

    /** @return the smallest power-of-two capacity whose threshold holds {@code entries}; may exceed int. */
    private static long capacityFor(final int entries)
    {
        long tableCapacity = MIN_CAPACITY;
        while (tableCapacity * 7 / 10 < entries)
        {
            tableCapacity <<= 1;
        }

        return tableCapacity;
    }
}
