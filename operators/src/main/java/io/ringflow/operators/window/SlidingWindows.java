package io.ringflow.operators.window;

/**
 * Sliding windows of {@code size} every {@code slide}, aligned by {@code offset}: every window
 * {@code [start, start + size)} with {@code start ≡ offset (mod slide)} that contains the timestamp,
 * listed latest start first (Flink's order, which matters only for the order of late firings).
 */
final class SlidingWindows implements WindowAssigner
{
    private final long size;
    private final long slide;
    private final long offset;
    private final int maxWindows;

    SlidingWindows(final long size, final long slide, final long offset)
    {
        Windows.requirePositive("sliding window size", size);
        Windows.requirePositive("sliding window slide", slide);
        if (slide > size)
        {
            throw new IllegalArgumentException("sliding window slide " + slide + " is larger than its size " + size +
                ": records between windows would belong to none");
        }
        final long windows = (size + slide - 1) / slide;
        if (windows > 4096)
        {
            throw new IllegalArgumentException("sliding window size " + size + " / slide " + slide + " gives " + windows +
                " windows per record; at most 4096 are supported (use a larger slide)");
        }
        this.size = size;
        this.slide = slide;
        this.offset = Math.floorMod(offset, slide);
        this.maxWindows = (int)windows;
    }

    /** @return window length. */
    long size()
    {
        return size;
    }

    /** @return distance between window starts. */
    long slide()
    {
        return slide;
    }

    @Override
    public int maxWindowsPerRecord()
    {
        return maxWindows;
    }

    @Override
    public int assignWindows(final long timestamp, final long[] starts)
    {
        final long lastStart = Windows.alignedStart(timestamp, offset, slide);
        if (lastStart > timestamp || lastStart > Long.MAX_VALUE - size)
        {
            return -1;
        }
        int count = 0;
        // start > timestamp - size, written without computing timestamp - size (which may underflow)
        for (long start = lastStart; timestamp - start < size; start -= slide)
        {
            if (start > timestamp)
            {
                return -1;   // start - slide wrapped below Long.MIN_VALUE
            }
            starts[count++] = start;
            if (start < Long.MIN_VALUE + slide)
            {
                break;
            }
        }
        return count;
    }

    @Override
    public long windowEnd(final long start)
    {
        return start + size;
    }

    @Override
    public boolean isMerging()
    {
        return false;
    }

    @Override
    public boolean isEventTime()
    {
        return true;
    }

    @Override
    public String toString()
    {
        return "sliding(size=" + size + ", slide=" + slide + ", offset=" + offset + ")";
    }
}
