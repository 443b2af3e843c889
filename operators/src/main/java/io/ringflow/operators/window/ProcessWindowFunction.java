package io.ringflow.operators.window;

import io.ringflow.operators.Collector;

/**
 * Sees every record of a window when it fires, for what an incremental aggregate cannot express
 * (medians, top-N, custom output).
 * <p>
 * <b>It buffers.</b> Every record of every open window is kept, encoded by the operator's
 * {@link io.ringflow.operators.record.RecordCodec} into off-heap blocks, until the window is cleaned up
 * at {@code maxTimestamp + allowedLateness}: memory grows with records per window, not with keys.
 * Prefer an {@link io.ringflow.operators.aggregate.AggregateFunction} where one fits.
 * <p>
 * Called on the operator's thread; collected records get the window's max timestamp.
 *
 * @param <T> input record type.
 * @param <R> output record type.
 */
@FunctionalInterface
public interface ProcessWindowFunction<T, R>
{
    /**
     * @param key      the key.
     * @param window   the window, valid only during this call.
     * @param kind     why it fired.
     * @param contents the buffered records.
     * @param out      receives results.
     */
    void process(long key, Window window, FiringKind kind, WindowContents<T> contents, Collector<R> out);
}
