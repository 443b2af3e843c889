package io.ringflow.operators.window;

/**
 * Tumbling windows of size {@code s} and offset {@code o}: {@code start = ts - floorMod(ts - o, s)},
 * window {@code [start, start + s)}. Negative timestamps align the same way (floor, not truncation).
 */
final class TumblingWindows implements WindowAssigner
{
    private final long size;
    private final long offset;

    TumblingWindows(final long size, final long offset)
    {
        Windows.requirePositive("tumbling window size", size);
        this.size = size;
        this.offset = Math.floorMod(offset, size);
    }

    @Override
    public int maxWindowsPerRecord()
    {
        return 1;
    }

    @Override
    public int assignWindows(final long timestamp, final long[] starts)
    {
        final long start = Windows.alignedStart(timestamp, offset, size);
        if (start > timestamp || start > Long.MAX_VALUE - size)
        {
            return -1;
        }
        starts[0] = start;
        return 1;
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
        return "tumbling(size=" + size + ", offset=" + offset + ")";
    }
}
