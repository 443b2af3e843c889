package io.ringflow.pipeline.runtime;

import io.ringflow.operators.AbstractOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes records through and remembers every watermark that reached it. */
final class WatermarkProbe<T> extends AbstractOperator<T, T>
{
    final List<Long> watermarks = new CopyOnWriteArrayList<>();

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        output.emit(record, timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        watermarks.add(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public String snapshotType()
    {
        return "probe";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
    }
}
