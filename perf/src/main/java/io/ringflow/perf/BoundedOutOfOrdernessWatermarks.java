package io.ringflow.perf;

import io.ringflow.operators.Timestamps;

/**
 * The watermark a source stage would generate, per record and deterministically (DESIGN.md):
 * {@code maxTimestampSeen - bound - 1}. Benchmarks call {@link #onTimestamp} after each record and
 * pass the watermark on only when it advanced, as the runtime does.
 */
public final class BoundedOutOfOrdernessWatermarks
{
    private final long boundTicks;
    private long maxTimestamp = Long.MIN_VALUE;
    private long watermark = Timestamps.MIN_WATERMARK;

    /**
     * @param boundTicks how far out of order a record may arrive, {@code >= 0}.
     */
    public BoundedOutOfOrdernessWatermarks(final long boundTicks)
    {
        if (boundTicks < 0)
        {
            throw new IllegalArgumentException("bound must be >= 0, was " + boundTicks);
        }
        this.boundTicks = boundTicks;
    }

    /**
     * @param timestamp the event time of the record just processed.
     * @return true when the watermark advanced: read it with {@link #watermark()} and forward it.
     */
    public boolean onTimestamp(final long timestamp)
    {
        if (timestamp > maxTimestamp)
        {
            maxTimestamp = timestamp;
            final long candidate = timestamp - boundTicks - 1;
            if (candidate > watermark)
            {
                watermark = candidate;
                return true;
            }
        }
        return false;
    }

    /** @return the current watermark. */
    public long watermark()
    {
        return watermark;
    }
}
