package io.ringflow.operators;

import io.ringflow.operators.snapshot.Snapshottable;

import java.util.List;

/**
 * An operator with two inputs, left and right: joins, co-groups, stream–table enrichment. Each input
 * has its own records; event time is one: the caller combines the two inputs' watermarks (the minimum
 * over the inputs that are not idle, see {@link io.ringflow.operators.time.WatermarkCombiner}) and
 * hands the operator the combined watermark, never lower than the previous one.
 * <p>
 * In a pipeline both inputs travel in one ring, interleaved in ingress order (a union record that says
 * which side it is), so the interleaving the operator sees is the journal's and a replay sees it again.
 * <p>
 * Threading: as {@link OneInputOperator}: one thread at a time, never concurrently; {@link #open} once
 * first, {@link #close} once last.
 *
 * @param <L> left input type.
 * @param <R> right input type.
 * @param <O> main-output type.
 */
public interface TwoInputOperator<L, R, O> extends Snapshottable, AutoCloseable
{
    /**
     * @param output downstream.
     */
    void open(Output<O> output);

    /**
     * @param record    a left record, valid only during this call.
     * @param timestamp its event time.
     */
    void processLeft(L record, long timestamp);

    /**
     * @param record    a right record, valid only during this call.
     * @param timestamp its event time.
     */
    void processRight(R record, long timestamp);

    /**
     * Advance event time: expire and fire what is due, then forward the watermark.
     *
     * @param watermark the combined watermark of both inputs.
     */
    void processWatermark(long watermark);

    /** Both inputs went idle. Forwarded by default. */
    void processIdle();

    /**
     * @param nowTicks the caller's processing time.
     */
    default void onProcessingTime(final long nowTicks)
    {
    }

    /**
     * As {@link OneInputOperator#describeKey}: the state held for one key, for debugging.
     *
     * @param key   the key.
     * @param lines receives the description.
     */
    default void describeKey(final long key, final List<String> lines)
    {
    }

    /** Release resources (off-heap memory). */
    @Override
    default void close()
    {
    }
}
