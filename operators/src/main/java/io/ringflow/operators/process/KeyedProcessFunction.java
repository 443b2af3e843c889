package io.ringflow.operators.process;

import io.ringflow.operators.Collector;
import io.ringflow.operators.OutputTag;

/**
 * Per-key logic with event-time timers and keyed state. Records collected in
 * {@link #processElement} carry the input's timestamp; in {@link #onTimer}, the timer's.
 * <p>
 * Threading: the operator's thread only; {@code processElement} and {@code onTimer} are never called
 * concurrently. Timers fire when the watermark reaches them, in (timestamp, key) order.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public interface KeyedProcessFunction<I, O>
{
    /**
     * Declare keyed state; called once when the operator opens, before any record or restore.
     *
     * @param states where to declare it.
     */
    default void open(final KeyedStateRegistry states)
    {
    }

    /**
     * @param record the record, valid only during this call.
     * @param ctx    key, time, timers, side outputs.
     * @param out    main output.
     */
    void processElement(I record, Context ctx, Collector<O> out);

    /**
     * @param timestamp the timer's timestamp.
     * @param ctx       key (the timer's), time, timers, side outputs.
     * @param out       main output.
     */
    default void onTimer(final long timestamp, final Context ctx, final Collector<O> out)
    {
    }

    /** What a call can see and do besides emitting. Valid only during the call. */
    interface Context
    {
        /** @return the key being processed. */
        long currentKey();

        /** @return the record's timestamp, or the firing timer's. */
        long timestamp();

        /** @return the operator's watermark. */
        long currentWatermark();

        /** @param timestamp call {@code onTimer} for the current key when the watermark reaches it; idempotent. */
        void registerEventTimeTimer(long timestamp);

        /** @param timestamp a timer of the current key to cancel. */
        void deleteEventTimeTimer(long timestamp);

        /**
         * @param tag    side output.
         * @param record record, valid only during the call.
         * @param <S>    its type.
         */
        <S> void output(OutputTag<S> tag, S record);
    }
}
