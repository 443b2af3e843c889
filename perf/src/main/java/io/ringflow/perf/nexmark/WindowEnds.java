package io.ringflow.perf.nexmark;

/**
 * The hand-written windowed baselines' bookkeeping of which window ends are open and which is due next.
 * Window ends are multiples of {@code slide}; a window ending at {@code end} is due when the watermark
 * reaches {@code end - 1} (Ringflow's rule), and due windows are taken in order of end. State per window
 * lives in a ring of {@code ringSize} slots indexed by {@link #slot}: a bounded out-of-orderness input
 * keeps at most {@code (size + bound) / slide + 1} windows open, and the baselines size the ring above
 * that and check it.
 * <p>
 * Threading: not thread-safe. Allocates nothing.
 */
final class WindowEnds
{
    private final long slide;
    private final int ringMask;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    /**
     * @param slide    distance between consecutive window ends.
     * @param ringSize slots in the caller's ring, a power of two.
     */
    WindowEnds(final long slide, final int ringSize)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two, was " + ringSize);
        }
        this.slide = slide;
        this.ringMask = ringSize - 1;
    }

    /**
     * @param end a window end.
     * @return its slot in the ring.
     */
    int slot(final long end)
    {
        return (int)(Math.floorDiv(end, slide) & ringMask);
    }

    /** @param end a window end now holding state. */
    void opened(final long end)
    {
        if (end < first)
        {
            first = end;
        }
        if (end > last)
        {
            last = end;
        }
    }

    /**
     * @param watermark the current watermark.
     * @return true when the earliest open window is due.
     */
    boolean hasDue(final long watermark)
    {
        return first <= last && first - 1 <= watermark;
    }

    /** @return the earliest open window's end, now no longer open. */
    long takeDue()
    {
        final long end = first;
        first += slide;
        if (first > last)
        {
            first = Long.MAX_VALUE;
            last = Long.MIN_VALUE;
        }
        return end;
    }
}
