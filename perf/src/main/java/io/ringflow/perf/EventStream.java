package io.ringflow.perf;

import java.util.SplittableRandom;

/**
 * A pre-generated cycle of (key, timestamp) pairs replayed without end: after the last record the
 * cursor wraps to the first, timestamps move on by {@code cycleTicks} and keys by {@code cycleKeys},
 * so time keeps increasing across cycles and, where {@code cycleKeys > 0}, keys stay fresh.
 * <pre>
 *   cycle 0: (k[0], t[0]) (k[1], t[1]) ... (k[n-1], t[n-1])
 *   cycle c: (k[i] + c * cycleKeys, t[i] + c * cycleTicks)
 * </pre>
 * {@link #next} fills the one reused {@link Event}: two array reads and no allocation per record.
 * The value is a small number (0 to 1023) derived from the position, so that sums never overflow.
 */
public final class EventStream
{
    private final long[] keys;
    private final long[] timestamps;
    private final long cycleKeys;
    private final long cycleTicks;
    private int cursor;
    private long keyOffset;
    private long timeOffset;

    /**
     * The keyed benchmarks' workload: a cycle of {@code max(4, 1e6 / keys)} shuffled permutations of all
     * keys (seed 42), so every key recurs once per {@code keys} records, {@code recordsPerTick} records
     * per tick from {@code firstTick}, each up to {@code outOfOrderTicks} into the past.
     *
     * @param keys            distinct keys.
     * @param recordsPerTick  records per tick of event time.
     * @param firstTick       event time of the first record.
     * @param outOfOrderTicks how far back a record's time may be.
     * @return the stream, keys the same on every cycle.
     */
    public static EventStream shuffledKeys(
        final int keys, final int recordsPerTick, final long firstTick, final long outOfOrderTicks)
    {
        final int permutations = Math.max(4, 1_000_000 / keys);
        final int length = permutations * keys;
        final long[] cycleKeys = new long[length];
        final long[] cycleTimestamps = new long[length];
        final SplittableRandom random = new SplittableRandom(42);
        final long[] permutation = new long[keys];
        for (int k = 0; k < keys; k++)
        {
            permutation[k] = k;
        }
        for (int p = 0; p < permutations; p++)
        {
            shuffle(permutation, random);
            System.arraycopy(permutation, 0, cycleKeys, p * keys, keys);
        }
        for (int i = 0; i < length; i++)
        {
            cycleTimestamps[i] = firstTick + i / recordsPerTick - random.nextLong(outOfOrderTicks + 1);
        }
        return new EventStream(cycleKeys, cycleTimestamps, 0, length / recordsPerTick);
    }

    /**
     * Fisher–Yates, in place.
     *
     * @param values shuffled.
     * @param random the source.
     */
    static void shuffle(final long[] values, final SplittableRandom random)
    {
        for (int i = values.length - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * @param keys       the keys of one cycle.
     * @param timestamps their event times, as long as {@code keys}.
     * @param cycleKeys  added to every key on each wrap; 0 replays the same keys.
     * @param cycleTicks added to every timestamp on each wrap; keep time increasing.
     */
    public EventStream(final long[] keys, final long[] timestamps, final long cycleKeys, final long cycleTicks)
    {
        if (keys.length == 0 || keys.length != timestamps.length)
        {
            throw new IllegalArgumentException("need as many keys as timestamps, and at least one: " +
                keys.length + " keys, " + timestamps.length + " timestamps");
        }
        this.keys = keys;
        this.timestamps = timestamps;
        this.cycleKeys = cycleKeys;
        this.cycleTicks = cycleTicks;
    }

    /**
     * @param event overwritten with the next record.
     * @return its event time.
     */
    public long next(final Event event)
    {
        final int i = cursor;
        event.set(keys[i] + keyOffset, i & 1023);
        final long timestamp = timestamps[i] + timeOffset;
        if (++cursor == keys.length)
        {
            cursor = 0;
            keyOffset += cycleKeys;
            timeOffset += cycleTicks;
        }
        return timestamp;
    }

    /** @return records in one cycle. */
    public int cycleLength()
    {
        return keys.length;
    }
}
