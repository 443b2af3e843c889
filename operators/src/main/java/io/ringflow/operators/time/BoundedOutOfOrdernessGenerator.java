package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

/**
 * Watermark {@code maxTimestampSeen - maxOutOfOrdernessTicks - 1}, clamped to
 * {@link Timestamps#MIN_WATERMARK} instead of wrapping when the subtraction would underflow.
 * The formula and the {@code - 1} are Flink's: a record at exactly {@code maxTimestampSeen - bound}
 * is still on time. Monotone because {@code maxTimestampSeen} only grows.
 * <p>
 * Threading: single-threaded, on the owning operator's thread.
 *
 * @param <T> record type.
 */
final class BoundedOutOfOrdernessGenerator<T> implements WatermarkGenerator<T>
{
    /** {@code Long.MIN_VALUE} is a reserved timestamp, so it cannot be confused with a real one. */
    static final long NO_TIMESTAMP_SEEN = Long.MIN_VALUE;

    private final long maxOutOfOrdernessTicks;
    private long maxTimestampSeen = NO_TIMESTAMP_SEEN;
    private long watermark = Timestamps.MIN_WATERMARK;

    BoundedOutOfOrdernessGenerator(final long maxOutOfOrdernessTicks)
    {
        this.maxOutOfOrdernessTicks = maxOutOfOrdernessTicks;
    }

    @Override
    public long onEvent(final T record, final long timestamp)
    {
        if (timestamp > maxTimestampSeen)
        {
            maxTimestampSeen = timestamp;
            watermark = watermarkFor(timestamp, maxOutOfOrdernessTicks);
        }
        return watermark;
    }

    @Override
    public long currentWatermark()
    {
        return watermark;
    }

    /**
     * @param maxTimestamp           the largest timestamp seen, or {@link #NO_TIMESTAMP_SEEN}.
     * @param maxOutOfOrdernessTicks the bound, {@code >= 0}.
     * @return {@code maxTimestamp - maxOutOfOrdernessTicks - 1}, or {@link Timestamps#MIN_WATERMARK}
     *         where that is below {@code Long.MIN_VALUE}.
     */
    static long watermarkFor(final long maxTimestamp, final long maxOutOfOrdernessTicks)
    {
        return saturatingSubtract(saturatingSubtract(maxTimestamp, maxOutOfOrdernessTicks), 1);
    }

    private static long saturatingSubtract(final long a, final long nonNegative)
    {
        final long difference = a - nonNegative;
        // subtracting a non-negative value can only grow the result by wrapping below Long.MIN_VALUE
        return difference > a ? Long.MIN_VALUE : difference;
    }

    @Override
    public String snapshotType()
    {
        return "bounded-out-of-orderness";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(maxTimestampSeen);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        // the watermark is derived, not stored, so a restore with a changed bound stays consistent
        maxTimestampSeen = in.getLong();
        watermark = watermarkFor(maxTimestampSeen, maxOutOfOrdernessTicks);
    }
}
