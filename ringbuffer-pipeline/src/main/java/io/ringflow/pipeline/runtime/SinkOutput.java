package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Sink;

/**
 * The end of the last stage: hands records to the user's sink, with their idempotency keys when it is
 * a {@link SequencedSink}, and reports checkpoint barriers once the sink has everything before them.
 * <p>
 * Threading: one stage thread.
 *
 * @param <T> record type.
 */
final class SinkOutput<T> extends StageOutput<T>
{
    private final Sink<T> sink;
    private final SequencedSink<T> sequencedSink;
    private final OutputKeys keys = new OutputKeys();
    private final CheckpointListener checkpoints;

    /**
     * @param sink        the user's sink.
     * @param checkpoints told when a barrier reaches the sink, or null.
     */
    @SuppressWarnings("unchecked")
    SinkOutput(final Sink<T> sink, final CheckpointListener checkpoints)
    {
        this.sink = sink;
        this.sequencedSink = sink instanceof SequencedSink ? (SequencedSink<T>)sink : null;
        this.checkpoints = checkpoints;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        if (null == sequencedSink)
        {
            sink.onRecord(record, timestamp);
        }
        else
        {
            sequencedSink.onRecord(record, timestamp, sequence, keys.next(sequence));
        }
        recordsOut++;
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        outputWatermark = watermark;
    }

    @Override
    public void emitIdle()
    {
    }

    @Override
    void endOfBatch()
    {
        sink.onEndOfBatch();
    }

    @Override
    void endOfStream()
    {
        sink.onEndOfStream();
    }

    @Override
    void processingTime(final long time)
    {
    }

    @Override
    void barrier(final long checkpointId)
    {
        sink.onEndOfBatch();
        sideOutputs().endOfBatch();
        if (null != checkpoints)
        {
            checkpoints.onBarrierAtSink(checkpointId, sequence);
        }
    }

    /** @return the last watermark that reached the sink. */
    long watermark()
    {
        return outputWatermark;
    }
}
