package io.ringflow.operators;

/**
 * Where an operator sends what it produces: records with their event time, watermarks, idleness and
 * side-output records. Implemented by the next operator in a chain, by a ring publisher in a pipeline
 * stage, and by the collector in {@code OperatorTestHarness}.
 * <p>
 * Threading: called only from the thread driving the emitting operator. A record passed to
 * {@link #emit} is owned by the caller and may be reused as soon as the call returns.
 *
 * @param <T> type of the main-output records.
 */
public interface Output<T>
{
    /**
     * Emit one record on the main output.
     *
     * @param record    the record, valid only during this call.
     * @param timestamp its event time, or {@link Timestamps#NO_TIMESTAMP}.
     */
    void emit(T record, long timestamp);

    /**
     * Emit a watermark: no record with a timestamp at or below it is expected any more.
     * Watermarks emitted by one operator never go backwards.
     *
     * @param watermark the new watermark; {@link Timestamps#END_OF_STREAM} means end of input.
     */
    void emitWatermark(long watermark);

    /**
     * Declare this stream idle: it is excluded from the watermark minimum of a multi-input consumer
     * until its next record or watermark.
     */
    void emitIdle();

    /**
     * Emit a record on a side output. Records on a tag nobody consumes are counted by the consumer,
     * never lost silently.
     *
     * @param tag       which side output.
     * @param record    the record, valid only during this call.
     * @param timestamp its event time.
     * @param <S>       side-output record type.
     */
    <S> void emitSide(OutputTag<S> tag, S record, long timestamp);
}
