package io.ringflow.operators.window;

/**
 * Session windows with a gap: a record opens {@code [ts, ts + gap)}; windows of one key that intersect
 * inclusively ({@code a.start <= b.end && a.end >= b.start}) merge, so records at most {@code gap}
 * apart share a session {@code [firstTs, lastTs + gap)}.
 */
final class SessionWindows implements WindowAssigner
{
    private final long gap;

    SessionWindows(final long gap)
    {
        Windows.requirePositive("session gap", gap);
        this.gap = gap;
    }

    @Override
    public int maxWindowsPerRecord()
    {
        return 1;
    }

    @Override
    public int assignWindows(final long timestamp, final long[] starts)
    {
        if (timestamp > Long.MAX_VALUE - gap)
        {
            return -1;
        }
        starts[0] = timestamp;
        return 1;
    }

    @Override
    public long windowEnd(final long start)
    {
        return start + gap;
    }

    @Override
    public boolean isMerging()
    {
        return true;
    }

    @Override
    public boolean isEventTime()
    {
        return true;
    }

    @Override
    public String toString()
    {
        return "session(gap=" + gap + ")";
    }
}
