package io.ringflow.operators.time;

/**
 * Sorts (key, namespace) pairs held in two parallel arrays, lexicographically and signed, without
 * allocating: a timer bucket is sorted once when it is drained, which is cheaper than keeping every
 * timer in a heap ordered on the way in.
 * <p>
 * Large buckets use an LSD radix sort, byte by byte, that skips every byte position where all entries
 * agree: an aligned window's bucket has one namespace and keys that differ in their low bytes only, so
 * 10k keys sort in two linear passes. Small buckets use insertion sort.
 */
final class TimerSort
{
    private static final int RADIX_MIN = 64;

    private TimerSort()
    {
    }

    /**
     * Sort {@code [0, count)} by (key, namespace); the scratch arrays must hold {@code count} entries.
     */
    static void radixSort(
        final long[] keys, final long[] namespaces, final long[] scratchKeys, final long[] scratchNamespaces,
        final int[] counts, final int count)
    {
        if (count < RADIX_MIN)
        {
            insertionSort(keys, namespaces, 0, count);
            return;
        }
        long[] fromKeys = keys;
        long[] fromNamespaces = namespaces;
        long[] toKeys = scratchKeys;
        long[] toNamespaces = scratchNamespaces;
        // least significant first: namespace bytes, then key bytes; each pass is stable
        for (int pass = 0; pass < 16; pass++)
        {
            final boolean onKey = pass >= 8;
            final int shift = (pass & 7) * 8;
            final long[] sortBy = onKey ? fromKeys : fromNamespaces;
            java.util.Arrays.fill(counts, 0, 256, 0);
            for (int i = 0; i < count; i++)
            {
                counts[digit(sortBy[i], shift)]++;
            }
            if (counts[digit(sortBy[0], shift)] == count)
            {
                continue;   // every entry has this byte: the pass would not move anything
            }
            int total = 0;
            for (int b = 0; b < 256; b++)
            {
                final int c = counts[b];
                counts[b] = total;
                total += c;
            }
            for (int i = 0; i < count; i++)
            {
                final int to = counts[digit(sortBy[i], shift)]++;
                toKeys[to] = fromKeys[i];
                toNamespaces[to] = fromNamespaces[i];
            }
            final long[] swapKeys = fromKeys;
            final long[] swapNamespaces = fromNamespaces;
            fromKeys = toKeys;
            fromNamespaces = toNamespaces;
            toKeys = swapKeys;
            toNamespaces = swapNamespaces;
        }
        if (fromKeys != keys)
        {
            System.arraycopy(fromKeys, 0, keys, 0, count);
            System.arraycopy(fromNamespaces, 0, namespaces, 0, count);
        }
    }

    /** The byte at {@code shift}, with the sign bit flipped on the top byte so that order is signed. */
    private static int digit(final long value, final int shift)
    {
        final int b = (int)(value >>> shift) & 0xFF;
        return shift == 56 ? b ^ 0x80 : b;
    }

    static int compare(final long key1, final long namespace1, final long key2, final long namespace2)
    {
        return key1 != key2 ? Long.compare(key1, key2) : Long.compare(namespace1, namespace2);
    }

    private static void insertionSort(final long[] keys, final long[] namespaces, final int from, final int to)
    {
        for (int i = from + 1; i < to; i++)
        {
            final long key = keys[i];
            final long namespace = namespaces[i];
            int j = i - 1;
            while (j >= from && compare(keys[j], namespaces[j], key, namespace) > 0)
            {
                keys[j + 1] = keys[j];
                namespaces[j + 1] = namespaces[j];
                j--;
            }
            keys[j + 1] = key;
            namespaces[j + 1] = namespace;
        }
    }
}
