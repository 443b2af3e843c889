package io.ringflow.operators.window;

/**
 * A window {@code [start, end)}: end exclusive, everywhere, including in results. Its max timestamp,
 * the last instant it covers and the watermark at which it fires, is {@code end - 1}.
 * <p>
 * Instances are reused flyweights owned by the operator: valid only during the call they are passed to.
 */
public final class Window
{
    private long start;
    private long end;

    /**
     * @param start first instant covered.
     * @param end   first instant not covered.
     * @return this.
     */
    public Window set(final long start, final long end)
    {
        this.start = start;
        this.end = end;
        return this;
    }

    /** @return first instant covered. */
    public long start()
    {
        return start;
    }

    /** @return first instant not covered. */
    public long end()
    {
        return end;
    }

    /** @return {@code end - 1}: the watermark at which the window fires on time. */
    public long maxTimestamp()
    {
        return end - 1;
    }

    @Override
    public String toString()
    {
        return "[" + start + ", " + end + ")";
    }
}
