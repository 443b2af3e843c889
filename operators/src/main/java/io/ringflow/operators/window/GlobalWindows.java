package io.ringflow.operators.window;

/**
 * One window per key, {@code [Long.MIN_VALUE, Long.MAX_VALUE)}, that fires only when its custom
 * trigger says so; it is never late and never cleaned up by time.
 */
final class GlobalWindows implements WindowAssigner
{
    static final GlobalWindows INSTANCE = new GlobalWindows();

    private GlobalWindows()
    {
    }

    @Override
    public int maxWindowsPerRecord()
    {
        return 1;
    }

    @Override
    public int assignWindows(final long timestamp, final long[] starts)
    {
        starts[0] = Long.MIN_VALUE;
        return 1;
    }

    @Override
    public long windowEnd(final long start)
    {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean isMerging()
    {
        return false;
    }

    @Override
    public boolean isEventTime()
    {
        return false;
    }

    @Override
    public String toString()
    {
        return "global";
    }
}
