package io.ringflow.pipeline.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;

/**
 * One named latency distribution: an HdrHistogram {@link SingleWriterRecorder} that one thread records into
 * without allocating or locking, and a reporter thread that takes interval histograms from it.
 * <p>
 * Values above {@link #highestTrackableValueNs()} are recorded as that value, and negative values (a clock
 * read on another core, a bad origin timestamp) as 0; both are counted in {@link #clampedCount()} instead of
 * throwing on the hot path. A non-zero count means the highest trackable value is too low, or a clock is
 * wrong.
 * <p>
 * Threading: {@link #record} on one writer thread at a time (the stage or sink thread that owns the
 * recorder); {@link #intervalHistogram} and {@link #cumulativeHistogram()} on one reporter thread; the
 * rest from any thread.
 */
public final class LatencyRecorder
{
    /** Default highest trackable value: 10 seconds in nanoseconds. */
    public static final long DEFAULT_HIGHEST_TRACKABLE_VALUE_NS = TimeUnit.SECONDS.toNanos(10);

    /** Precision of every histogram: 3 significant digits, a 0.1% value error. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final String name;
    private final long highestTrackableValueNs;
    private final SingleWriterRecorder recorder;
    private final Histogram cumulative;
    // Written only by the writer thread, and only on the rare clamping path, so volatile costs nothing
    // on the common path.
    private volatile long clampedCount;

    /**
     * @param name                    identifies the distribution, and tags it in an interval log, so it may
     *                                not contain commas, whitespace or line breaks.
     * @param highestTrackableValueNs largest value recorded as is, at least 2.
     */
    public LatencyRecorder(final String name, final long highestTrackableValueNs)
    {
        if (name.isEmpty() || name.chars().anyMatch((c) -> ',' == c || Character.isWhitespace(c)))
        {
            throw new IllegalArgumentException("latency recorder name '" + name +
                "' must be non-empty with no commas or whitespace: it tags the recorder in an HdrHistogram log");
        }
        if (highestTrackableValueNs < 2)
        {
            throw new IllegalArgumentException(
                "latency recorder " + name + ": highestTrackableValueNs must be >= 2, was " + highestTrackableValueNs);
        }

        this.name = name;
        this.highestTrackableValueNs = highestTrackableValueNs;
        recorder = new SingleWriterRecorder(highestTrackableValueNs, SIGNIFICANT_DIGITS);
        cumulative = new Histogram(highestTrackableValueNs, SIGNIFICANT_DIGITS);
        cumulative.setTag(name);
    }

    /**
     * Record one latency; allocation-free and wait-free for the writer.
     *
     * @param valueNs a latency in nanoseconds, e.g. {@code nowNs - originNs}.
     */
    public void record(final long valueNs)
    {
        if (valueNs < 0 || valueNs > highestTrackableValueNs)
        {
            recordClampedSlowPath(valueNs);
            return;
        }

        recorder.recordValue(valueNs);
    }

    /**
     * Take the values recorded since the previous call, and add them to the cumulative histogram.
     *
     * @param recycle the histogram the previous call returned, to be reused so that reporting allocates
     *                nothing; or null to allocate one. Passing a histogram from another recorder throws.
     * @return the interval histogram, tagged with the recorder's name, its start and end timestamps in
     * epoch milliseconds. Valid until it is passed back as {@code recycle}.
     */
    public Histogram intervalHistogram(final Histogram recycle)
    {
        final Histogram interval = recorder.getIntervalHistogram(recycle);
        interval.setTag(name);
        cumulative.add(interval);
        if (0 == cumulative.getStartTimeStamp() || interval.getStartTimeStamp() < cumulative.getStartTimeStamp())
        {
            cumulative.setStartTimeStamp(interval.getStartTimeStamp());
        }
        cumulative.setEndTimeStamp(interval.getEndTimeStamp());

        return interval;
    }

    /**
     * Values recorded before the last {@link #intervalHistogram} call are in it; take a last interval before
     * a final summary so that it includes everything.
     *
     * @return every interval taken so far, summed; owned by this recorder, read it on the reporter thread.
     */
    public Histogram cumulativeHistogram()
    {
        return cumulative;
    }

    /** @return values recorded out of range and clamped, since creation. */
    public long clampedCount()
    {
        return clampedCount;
    }

    /** @return the name, also the tag of its interval histograms. */
    public String name()
    {
        return name;
    }

    /** @return the largest value recorded as is. */
    public long highestTrackableValueNs()
    {
        return highestTrackableValueNs;
    }

    private void recordClampedSlowPath(final long valueNs)
    {
        // Single writer, so read-then-write cannot lose an update.
        clampedCount = clampedCount + 1;
        recorder.recordValue(valueNs < 0 ? 0 : highestTrackableValueNs);
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return "LatencyRecorder{" + name + ", highestTrackableValueNs=" + highestTrackableValueNs + '}';
    }
}
