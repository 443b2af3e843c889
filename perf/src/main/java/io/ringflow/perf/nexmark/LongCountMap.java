package io.ringflow.perf.nexmark;

/**
 * The hand-written baselines' counter table: {@code long} key to count, open addressing with linear
 * probing over an index of dense entry arrays. Entries are never removed one by one, only all at once when
 * a window fires, so there are no tombstones; {@link #clear()} touches only the slots in use, which keeps a
 * table sized for the busiest window cheap to reuse for a quiet one.
 * <p>
 * Threading: not thread-safe. Grows (allocates) only when more than half full; a warmed-up table does not.
 */
final class LongCountMap
{
    private int[] index;          // 0: empty; else entry + 1
    private long[] keys;
    private long[] counts;
    private int[] slotOfEntry;
    private int size;

    /** @param expectedKeys keys to hold without growing. */
    LongCountMap(final int expectedKeys)
    {
        allocate(Integer.highestOneBit(Math.max(8, expectedKeys) * 2 - 1) << 1);
    }

    /** @param key counted once more. */
    void increment(final long key)
    {
        final int mask = index.length - 1;
        int slot = hash(key) & mask;
        while (true)
        {
            final int entry = index[slot] - 1;
            if (entry < 0)
            {
                insert(slot, key);
                return;
            }
            if (keys[entry] == key)
            {
                counts[entry]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * @param key a key.
     * @return true if it was counted since the last {@link #clear()}.
     */
    boolean contains(final long key)
    {
        final int mask = index.length - 1;
        int slot = hash(key) & mask;
        while (true)
        {
            final int entry = index[slot] - 1;
            if (entry < 0)
            {
                return false;
            }
            if (keys[entry] == key)
            {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return keys held. */
    int size()
    {
        return size;
    }

    /**
     * @param entry 0 to {@code size() - 1}, in order of first increment.
     * @return its key.
     */
    long key(final int entry)
    {
        return keys[entry];
    }

    /**
     * @param entry 0 to {@code size() - 1}.
     * @return its count.
     */
    long count(final int entry)
    {
        return counts[entry];
    }

    /** Forget every key. */
    void clear()
    {
        for (int i = 0; i < size; i++)
        {
            index[slotOfEntry[i]] = 0;
        }
        size = 0;
    }

    private void insert(final int slot, final long key)
    {
        if ((size + 1) * 2 > index.length)
        {
            grow();
            increment(key);
            return;
        }
        keys[size] = key;
        counts[size] = 1;
        slotOfEntry[size] = slot;
        index[slot] = ++size;
    }

    private void grow()
    {
        final long[] oldKeys = keys;
        final long[] oldCounts = counts;
        final int oldSize = size;
        allocate(index.length * 2);
        for (int i = 0; i < oldSize; i++)
        {
            int slot = hash(oldKeys[i]) & (index.length - 1);
            while (index[slot] != 0)
            {
                slot = (slot + 1) & (index.length - 1);
            }
            keys[i] = oldKeys[i];
            counts[i] = oldCounts[i];
            slotOfEntry[i] = slot;
            index[slot] = i + 1;
        }
        size = oldSize;
    }

    private void allocate(final int capacity)
    {
        index = new int[capacity];
        keys = new long[capacity / 2];
        counts = new long[capacity / 2];
        slotOfEntry = new int[capacity / 2];
    }

    // Auction ids are consecutive: a multiplicative mix spreads them so that probe runs stay short.
    private static int hash(final long key)
    {
        final long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int)(h ^ h >>> 32);
    }
}
