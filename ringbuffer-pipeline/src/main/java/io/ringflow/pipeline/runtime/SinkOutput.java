package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.Sink;

/**
 * The end of the last stage: hands records to the user's sink.
 * <p>
 * Threading: one stage thread.
 *
 * @param <T> record type.
 */
final class SinkOutput<T> extends StageOutput<T>
{
    private final Sink<T> sink;
    private long watermark = Long.MIN_VALUE;

    /**
     * @param sink the user's sink.
     */
    SinkOutput(final Sink<T> sink)
    {
        this.sink = sink;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        sink.onRecord(record, timestamp);
        recordsOut++;
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
