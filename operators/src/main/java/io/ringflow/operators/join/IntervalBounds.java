package io.ringflow.operators.join;

/**
 * The relative bounds of an interval join, both inclusive: a left record at {@code l} joins a right record
 * at {@code r} when {@code lower <= r - l <= upper}. Exclusive bounds given to the builder are stored here
 * already tightened by one tick (Flink does the same). Immutable.
 */
final class IntervalBounds
{
    private final long lower;
    private final long upper;

    IntervalBounds(final long lower, final long upper)
    {
        this.lower = lower;
        this.upper = upper;
    }

    /** @return smallest {@code right.ts - left.ts} that joins. */
    long lower()
    {
        return lower;
    }

    /** @return largest {@code right.ts - left.ts} that joins. */
    long upper()
    {
        return upper;
    }

    /**
     * {@code timestamp + delta} clamped to {@code [Long.MIN_VALUE, Long.MAX_VALUE]} instead of wrapping, for
     * either sign of {@code delta}.
     *
     * @param timestamp a timestamp.
     * @param delta     any offset.
     * @return the clamped sum.
     */
    static long add(final long timestamp, final long delta)
    {
        final long sum = timestamp + delta;
        // overflow iff both operands have the same sign and the sum's sign differs from it
        if (((timestamp ^ sum) & (delta ^ sum)) < 0)
        {
            return delta < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    @Override
    public String toString()
    {
        return "right.ts - left.ts in [" + lower + ", " + upper + "]";
    }
}
