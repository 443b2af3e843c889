package io.ringflow.operators.window;

/**
 * Factories for window assigners. Sizes, offsets and gaps are in the same unit as timestamps.
 * Arguments are validated here, once: a size or gap of zero or less is rejected with a message naming
 * the value.
 */
public final class Windows
{
    private Windows()
    {
    }

    /**
     * @param size window length, {@code > 0}.
     * @return tumbling windows aligned to 0.
     */
    public static WindowAssigner tumbling(final long size)
    {
        return new TumblingWindows(size, 0);
    }

    /**
     * @param size   window length, {@code > 0}.
     * @param offset alignment: windows start at {@code offset + k * size}; any value, taken modulo size.
     * @return tumbling windows.
     */
    public static WindowAssigner tumbling(final long size, final long offset)
    {
        return new TumblingWindows(size, offset);
    }

    /**
     * @param size  window length, {@code > 0}.
     * @param slide distance between window starts, {@code 0 < slide <= size}.
     * @return sliding windows aligned to 0.
     */
    public static WindowAssigner sliding(final long size, final long slide)
    {
        return new SlidingWindows(size, slide, 0);
    }

    /**
     * @param size   window length, {@code > 0}.
     * @param slide  distance between window starts, {@code 0 < slide <= size}.
     * @param offset alignment, taken modulo slide.
     * @return sliding windows.
     */
    public static WindowAssigner sliding(final long size, final long slide, final long offset)
    {
        return new SlidingWindows(size, slide, offset);
    }

    /**
     * @param gap inactivity that closes a session, {@code > 0}.
     * @return merging session windows.
     */
    public static WindowAssigner session(final long gap)
    {
        return new SessionWindows(gap);
    }

    /** @return the global window: needs a custom trigger. */
    public static WindowAssigner global()
    {
        return GlobalWindows.INSTANCE;
    }

    /**
     * {@code ts - floorMod(ts - offset, size)} computed without overflow; {@code 0 <= offset < size}.
     * The result exceeds {@code ts} only when the true start is below {@code Long.MIN_VALUE}.
     */
    static long alignedStart(final long timestamp, final long offset, final long size)
    {
        final long remainder = Math.floorMod(Math.floorMod(timestamp, size) - offset, size);
        return timestamp - remainder;
    }

    static void requirePositive(final String what, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(what + " must be > 0, was " + value);
        }
    }
}
