package io.ringflow.pipeline;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

import java.util.List;

/**
 * Passes everything through and records the processing times it is given: how tests see where ticks
 * reach a stage.
 *
 * @param <T> record type.
 */
final class TickRecorder<T> implements OneInputOperator<T, T>
{
    private final List<Long> ticks;
    private Output<T> output;

    TickRecorder(final List<Long> ticks)
    {
        this.ticks = ticks;
    }

    @Override
    public void open(final Output<T> output)
    {
        this.output = output;
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        output.emit(record, timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        ticks.add(nowTicks);
    }

    @Override
    public String snapshotType()
    {
        return "tick-recorder";
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
