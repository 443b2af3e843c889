package io.ringflow.perf.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Two HdrHistogram {@link SingleWriterRecorder}s, one for the warm-up and one for the measurement, split by
 * the time a sample belongs to (its intended send time, or a hiccup's wake-up time) rather than by when an
 * interval is harvested, so no warm-up sample leaks into the measurement. One writer thread; any thread may
 * harvest intervals. Values in nanoseconds, clamped to {@link #HIGHEST_TRACKABLE_NS}.
 * <p>
 * The phase is picked without a branch: a branch never taken during the warm-up would be compiled as an
 * uncommon trap, and the first measured sample would then deoptimise the subject's consumer loop back to the
 * interpreter, exactly when the measurement starts (seen as a 100 ms stall at 1 M/s before this was done).
 */
final class PhasedRecorder
{
    static final long HIGHEST_TRACKABLE_NS = 60_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private static final int MEASURE = 0;
    private static final int WARM_UP = 1;

    private final SingleWriterRecorder[] recorders = {
        new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS),
        new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS)};
    // volatile: fixed after the subject's threads, which record, have started (a plain load on x86)
    private volatile long measureStartNs = Long.MAX_VALUE;

    /** @param measureStartNs samples at or after this time are measured, earlier ones are warm-up. */
    void measureFrom(final long measureStartNs)
    {
        this.measureStartNs = measureStartNs;
    }

    static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    void record(final long atNs, final long valueNs)
    {
        // Sign bit of (atNs - measureStartNs): 1 (WARM_UP) before the measurement starts, 0 (MEASURE) after.
        final int phase = (int)((atNs - measureStartNs) >>> 63);
        recorders[phase].recordValue(Math.max(1, Math.min(valueNs, HIGHEST_TRACKABLE_NS)));
    }

    Histogram warmUpInterval(final Histogram recycle)
    {
        return recorders[WARM_UP].getIntervalHistogram(recycle);
    }

    Histogram measureInterval(final Histogram recycle)
    {
        return recorders[MEASURE].getIntervalHistogram(recycle);
    }
}
