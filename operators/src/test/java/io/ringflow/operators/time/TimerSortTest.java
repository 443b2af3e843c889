package io.ringflow.operators.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TimerSortTest
{
    @Property(tries = 200)
    void shouldSortPairsLikeASignedLexicographicComparator(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 3000) final int count, @ForAll @IntRange(max = 3) final int shape)
    {
        final Random random = new Random(seed);
        final long[] keys = new long[count];
        final long[] namespaces = new long[count];
        for (int i = 0; i < count; i++)
        {
            switch (shape)
            {
                case 0:   // an aligned window's bucket: small keys, one namespace
                    keys[i] = random.nextInt(10_000);
                    namespaces[i] = 59_999;
                    break;
                case 1:   // anything, extremes included
                    keys[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong();
                    namespaces[i] = random.nextLong();
                    break;
                case 2:   // negative keys around zero, few namespaces, many duplicates
                    keys[i] = random.nextInt(50) - 25;
                    namespaces[i] = random.nextInt(3) - 1;
                    break;
                default:  // keys differing only in the top byte
                    keys[i] = ((long)random.nextInt(256) << 56) | 7;
                    namespaces[i] = 0;
                    break;
            }
        }
        final long[][] expected = new long[count][];
        for (int i = 0; i < count; i++)
        {
            expected[i] = new long[] {keys[i], namespaces[i]};
        }
        Arrays.sort(expected, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));

        TimerSort.radixSort(keys, namespaces, new long[count], new long[count], new int[256], count);

        for (int i = 0; i < count; i++)
        {
            assertThat(new long[] {keys[i], namespaces[i]}).as("entry %d of %d", i, count).containsExactly(expected[i]);
        }
    }
}
