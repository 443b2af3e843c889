package io.ringflow.operators;

/**
 * Reserved timestamp values. Timestamps are {@code long} ticks in a unit the user chooses (ms or ns);
 * window sizes, lateness and TTLs use the same unit.
 * <p>
 * Two values are reserved and never valid as a record's event time: {@link #NO_TIMESTAMP}
 * ({@code Long.MIN_VALUE}, also the watermark before any record) and {@link #END_OF_STREAM}
 * ({@code Long.MAX_VALUE}, the watermark that flushes every event-time window at end of input).
 */
public final class Timestamps
{
    /** A record that has no event time yet; also the initial watermark. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The initial watermark: no record has been seen. */
    public static final long MIN_WATERMARK = Long.MIN_VALUE;

    /** The final watermark: end of input; every event-time window and timer fires. */
    public static final long END_OF_STREAM = Long.MAX_VALUE;

    private Timestamps()
    {
    }

    /**
     * Whether {@code timestamp} may be carried as a record's event time.
     *
     * @param timestamp candidate event time.
     * @return false for the two reserved values.
     */
    public static boolean isValidEventTime(final long timestamp)
    {
        return timestamp != NO_TIMESTAMP && timestamp != END_OF_STREAM;
    }

    /**
     * {@code a + b} clamped to {@code Long.MAX_VALUE} instead of overflowing; {@code b >= 0}.
     *
     * @param a a timestamp.
     * @param b a non-negative duration.
     * @return the sum, or {@code Long.MAX_VALUE} where it would overflow.
     */
    public static long saturatingAdd(final long a, final long b)
    {
        final long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
