package io.ringflow.replay;

/**
 * Where a replay stops: a condition on the next input record, tested before it is processed.
 * <p>
 * Threading: called on the replaying thread.
 *
 * @param <I> input record type.
 */
@FunctionalInterface
public interface InputBreakpoint<I>
{
    /**
     * @param record    the next input record, valid only during the call.
     * @param sequence  its journal sequence.
     * @param timestamp the event timestamp the journal recorded with it.
     * @return true to stop before processing it.
     */
    boolean test(I record, long sequence, long timestamp);
}
