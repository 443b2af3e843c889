package io.ringflow.operators.time;

/**
 * Sorts (key, namespace) pairs held in two parallel arrays, lexicographically and signed, in place and
 * without allocating: a timer bucket is sorted once when it is drained, which is cheaper than keeping
 * every timer in a heap ordered on the way in.
 */
final class TimerSort
{
    private static final int INSERTION_SORT_MAX = 16;

    private TimerSort()
    {
    }

    static void sort(final long[] keys, final long[] namespaces, final int from, final int to)
    {
        int low = from;
        int high = to;
        while (high - low > INSERTION_SORT_MAX)
        {
            final int pivotIndex = medianOfThree(keys, namespaces, low, low + ((high - low) >>> 1), high - 1);
            final long pivotKey = keys[pivotIndex];
            final long pivotNamespace = namespaces[pivotIndex];
            int i = low;
            int j = high - 1;
            while (i <= j)
            {
                while (compare(keys[i], namespaces[i], pivotKey, pivotNamespace) < 0)
                {
                    i++;
                }
                while (compare(keys[j], namespaces[j], pivotKey, pivotNamespace) > 0)
                {
                    j--;
                }
                if (i <= j)
                {
                    swap(keys, namespaces, i++, j--);
                }
            }
            // recurse into the smaller part, loop on the larger: stack depth stays logarithmic
            if (j + 1 - low < high - i)
            {
                sort(keys, namespaces, low, j + 1);
                low = i;
            }
            else
            {
                sort(keys, namespaces, i, high);
                high = j + 1;
            }
        }
        insertionSort(keys, namespaces, low, high);
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

    private static int medianOfThree(final long[] keys, final long[] namespaces, final int a, final int b, final int c)
    {
        final boolean ab = compare(keys[a], namespaces[a], keys[b], namespaces[b]) < 0;
        final boolean bc = compare(keys[b], namespaces[b], keys[c], namespaces[c]) < 0;
        final boolean ac = compare(keys[a], namespaces[a], keys[c], namespaces[c]) < 0;
        if (ab == bc)
        {
            return b;
        }
        return ab == ac ? c : a;
    }

    private static void swap(final long[] keys, final long[] namespaces, final int i, final int j)
    {
        final long key = keys[i];
        keys[i] = keys[j];
        keys[j] = key;
        final long namespace = namespaces[i];
        namespaces[i] = namespaces[j];
        namespaces[j] = namespace;
    }
}
