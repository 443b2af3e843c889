package io.ringflow.operators.window;

import io.ringflow.operators.aggregate.ResultSlots;

import java.util.Arrays;

/**
 * What an aggregating window emits: the key, the window {@code [start, end)}, why it fired, and the
 * aggregate's result slots ({@code longValue(i)} / {@code doubleValue(i)} for the {@code i}-th
 * aggregate of {@code Aggregates.of(...)}).
 * <p>
 * The operator owns one instance and refills it for every firing; a consumer that keeps a result
 * calls {@link #copy()}. For count windows, start and end are per-key record ordinals
 * ({@code [0, 100)} is the key's first hundred records).
 */
public final class WindowResult implements ResultSlots
{
    private long key;
    private long start;
    private long end;
    private FiringKind kind = FiringKind.ON_TIME;
    private final long[] values;

    /**
     * @param slots number of result slots.
     */
    public WindowResult(final int slots)
    {
        values = new long[slots];
    }

    /**
     * @param key   the key.
     * @param start window start.
     * @param end   window end, exclusive.
     * @param kind  why it fired.
     * @return this.
     */
    public WindowResult set(final long key, final long start, final long end, final FiringKind kind)
    {
        this.key = key;
        this.start = start;
        this.end = end;
        this.kind = kind;
        return this;
    }

    /** @return the key. */
    public long key()
    {
        return key;
    }

    /** @return window start. */
    public long start()
    {
        return start;
    }

    /** @return window end, exclusive. */
    public long end()
    {
        return end;
    }

    /** @return why it fired. */
    public FiringKind kind()
    {
        return kind;
    }

    /** @return true for a re-firing caused by a late record. */
    public boolean isLate()
    {
        return kind == FiringKind.LATE;
    }

    /** @return number of result slots. */
    public int slots()
    {
        return values.length;
    }

    /**
     * @param slot slot index.
     * @return its value as a long.
     */
    public long longValue(final int slot)
    {
        return values[slot];
    }

    /**
     * @param slot slot index.
     * @return its value as a double.
     */
    public double doubleValue(final int slot)
    {
        return Double.longBitsToDouble(values[slot]);
    }

    @Override
    public void setLong(final int slot, final long value)
    {
        values[slot] = value;
    }

    @Override
    public void setDouble(final int slot, final double value)
    {
        values[slot] = Double.doubleToRawLongBits(value);
    }

    /** @return an independent copy (allocates: not for the hot path). */
    public WindowResult copy()
    {
        final WindowResult copy = new WindowResult(values.length);
        copy.set(key, start, end, kind);
        System.arraycopy(values, 0, copy.values, 0, values.length);
        return copy;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof WindowResult))
        {
            return false;
        }
        final WindowResult that = (WindowResult)o;
        return key == that.key && start == that.start && end == that.end && kind == that.kind &&
            Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(key) * 31 + Long.hashCode(start) * 17 + Long.hashCode(end) + Arrays.hashCode(values);
    }

    @Override
    public String toString()
    {
        return "WindowResult{key=" + key + ", [" + start + ", " + end + "), " + kind + ", values=" +
            Arrays.toString(values) + '}';
    }
}
