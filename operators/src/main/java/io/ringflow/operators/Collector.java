package io.ringflow.operators;

/**
 * Receives the records a user function produces (flatMap, window and process functions). The
 * timestamp of collected records is set by the operator (the input's, a window's max timestamp, or a
 * timer's).
 * <p>
 * Threading: called only from the thread running the function; the record may be reused by the
 * caller as soon as {@link #collect} returns.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface Collector<T>
{
    /**
     * @param record the produced record, valid only during this call.
     */
    void collect(T record);
}
