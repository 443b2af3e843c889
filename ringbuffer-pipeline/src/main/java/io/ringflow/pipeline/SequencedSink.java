package io.ringflow.pipeline;

/**
 * A sink that also receives each output's idempotency key: the ingress sequence of the input that
 * caused it and its ordinal among that input's outputs (0, 1, …). Both are deterministic for a
 * deterministic pipeline fed the same input with the same sequences, so after a crash and a replay a
 * sink recognises an output it already delivered by its key: the output journal skips it, a callback
 * sink hands the key to the user (at-least-once delivery, exactly-once effect where the user checks it).
 * <p>
 * An output caused by a watermark carries the sequence of the input after which the watermark was
 * emitted; an output of the final flush carries the sequence of the end-of-stream. Keys increase in
 * (sequence, ordinal) order at one sink of a chain of stages, key-partitioned stages included: a
 * sequenced pipeline merges partitions back in the order their inputs were routed. A sink for a
 * partitioned stage's side outputs cannot be one (each partition would number its own); a sink for
 * rejections ({@link Stream#rejected}) can, and receives keys too.
 * <p>
 * Threading: as {@link Sink}.
 *
 * @param <T> record type.
 */
public interface SequencedSink<T> extends Sink<T>
{
    /**
     * @param record        the record, valid only during the call.
     * @param timestamp     its event time, or {@code Timestamps.NO_TIMESTAMP}.
     * @param inputSequence ingress sequence of the input that caused it.
     * @param ordinal       its position among that input's outputs at this sink, from 0.
     */
    void onRecord(T record, long timestamp, long inputSequence, int ordinal);

    /**
     * Not called by the runtime, which always calls the keyed form on a {@code SequencedSink}.
     *
     * @param record    the record.
     * @param timestamp its event time.
     */
    @Override
    default void onRecord(final T record, final long timestamp)
    {
        throw new UnsupportedOperationException("a SequencedSink receives onRecord(record, timestamp, inputSequence, ordinal)");
    }
}
