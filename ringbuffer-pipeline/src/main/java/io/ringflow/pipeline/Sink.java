package io.ringflow.pipeline;

/**
 * Where a pipeline's records end: the main output, a side output, or the late records of a window.
 * <p>
 * Threading: called on the thread of the stage it is attached to, never concurrently for a stage of
 * parallelism 1. A sink attached to a stage of parallelism {@code n} is called from {@code n} threads
 * at once and must be thread-safe. The record is reused after the call returns: copy what you keep.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface Sink<T>
{
    /**
     * @param record    the record, valid only during the call.
     * @param timestamp its event time, or {@code Timestamps.NO_TIMESTAMP}.
     */
    void onRecord(T record, long timestamp);

    /**
     * The end of a batch of records taken from the stage's input ring: the moment to flush I/O.
     */
    default void onEndOfBatch()
    {
    }

    /**
     * The stream ended (the pipeline was drained); no record follows.
     */
    default void onEndOfStream()
    {
    }
}
