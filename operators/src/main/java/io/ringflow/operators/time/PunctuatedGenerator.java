package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

/**
 * Asks a {@link PunctuatedWatermarks} function after every record and keeps the highest watermark it
 * returned, so that a function returning a lower value (or {@link PunctuatedWatermarks#NO_WATERMARK})
 * never moves event time back.
 * <p>
 * Threading: single-threaded, on the owning operator's thread.
 *
 * @param <T> record type.
 */
final class PunctuatedGenerator<T> implements WatermarkGenerator<T>
{
    private final PunctuatedWatermarks<T> function;
    private long watermark = Timestamps.MIN_WATERMARK;

    PunctuatedGenerator(final PunctuatedWatermarks<T> function)
    {
        this.function = function;
    }

    @Override
    public long onEvent(final T record, final long timestamp)
    {
        final long candidate = function.nextWatermark(record, timestamp);
        if (candidate > watermark)
        {
            watermark = candidate;
        }
        return watermark;
    }

    @Override
    public long currentWatermark()
    {
        return watermark;
    }

    @Override
    public String snapshotType()
    {
        return "punctuated";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(watermark);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        watermark = in.getLong();
    }
}
