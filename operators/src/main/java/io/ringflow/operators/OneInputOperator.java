package io.ringflow.operators;

import io.ringflow.operators.snapshot.Snapshottable;

import java.util.List;

/**
 * An operator with one input. The unit a stage runs: stages fuse several into an
 * {@link OperatorChain}.
 * <p>
 * Threading: all methods are called from one thread at a time and never concurrently (the runtime
 * contract of this package). {@link #open} is called once before anything else, {@link #close} once
 * at the end, releasing off-heap memory.
 *
 * @param <I> input record type.
 * @param <O> main-output record type.
 */
public interface OneInputOperator<I, O> extends Snapshottable, AutoCloseable
{
    /**
     * Connect the operator to where it emits. Called once, before any record.
     *
     * @param output downstream.
     */
    void open(Output<O> output);

    /**
     * Process one record.
     *
     * @param record    the record, valid only during this call.
     * @param timestamp its event time, or {@link Timestamps#NO_TIMESTAMP} before timestamps are assigned.
     */
    void processRecord(I record, long timestamp);

    /**
     * Advance event time: fire what is due, then forward the watermark.
     *
     * @param watermark the new watermark; never lower than the previous one.
     */
    void processWatermark(long watermark);

    /**
     * The input went idle (see {@link Output#emitIdle()}). Operators forward it by default.
     */
    void processIdle();

    /**
     * Processing time advanced. Ticks come from the caller (a stage's clock, or the journal on replay),
     * never from a clock read here, so replays stay exact.
     *
     * @param nowTicks the caller's processing time.
     */
    default void onProcessingTime(final long nowTicks)
    {
    }

    /**
     * Describe, for debugging, the state this operator holds for one key: one line per item (an open
     * window and what it would emit now, a remembered id and its expiry, …), each naming the operator.
     * Replay and {@code ringflow state} call it between records. It may scan all state and allocate:
     * never call it on the hot path.
     *
     * @param key   the key, as the operator's key selector computes it.
     * @param lines receives the description; an operator without keyed state adds nothing.
     */
    default void describeKey(final long key, final List<String> lines)
    {
    }

    /**
     * Release resources (off-heap memory). The operator cannot be used afterwards.
     */
    @Override
    default void close()
    {
    }
}
