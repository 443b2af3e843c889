package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.metrics.LatencyRecorder;

/**
 * The end of the last stage: hands records to the user's sink and, when latency is tracked, records
 * each record's end-to-end latency (from its input's origin time at the ingress to now).
 * <p>
 * Threading: one stage thread.
 *
 * @param <T> record type.
 */
final class SinkOutput<T> extends StageOutput<T>
{
    private final Sink<T> sink;
    private final LatencyRecorder endToEnd;
    private long watermark = Long.MIN_VALUE;

    /**
     * @param sink     the user's sink.
     * @param endToEnd where latencies go, or null when latency is not tracked.
     */
    SinkOutput(final Sink<T> sink, final LatencyRecorder endToEnd)
    {
        this.sink = sink;
        this.endToEnd = endToEnd;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        sink.onRecord(record, timestamp);
        recordsOut++;
        if (null != endToEnd)
        {
            endToEnd.record(System.nanoTime() - originNs);
        }
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        this.watermark = watermark;
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

    /** @return the last watermark that reached the sink. */
    long watermark()
    {
        return watermark;
    }
}
