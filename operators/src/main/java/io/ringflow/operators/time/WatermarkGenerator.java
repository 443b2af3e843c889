package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.Snapshottable;

/**
 * The per-operator runtime half of a {@link WatermarkStrategy}: it sees every valid record and says
 * what the watermark is after it. Watermarks are produced per record, never on a timer, so a replay of
 * the same records produces the same watermarks.
 * <p>
 * Its state is part of the owning operator's snapshot: {@link #snapshotState} writes it and a
 * restored generator continues exactly as the original would have.
 * <p>
 * Threading: single-threaded, called on the owning operator's thread. {@link #onEvent} allocates
 * nothing.
 *
 * @param <T> record type.
 */
public interface WatermarkGenerator<T> extends Snapshottable
{
    /**
     * Account for one record. If the call throws (a user function failed), the generator's state is
     * unchanged.
     *
     * @param record    the record, valid only during this call.
     * @param timestamp its event time, already validated as a valid event time.
     * @return the watermark after this record: never lower than the value returned before.
     */
    long onEvent(T record, long timestamp);

    /**
     * @return the watermark after the records seen so far, {@link io.ringflow.operators.Timestamps#MIN_WATERMARK}
     *         before any.
     */
    long currentWatermark();
}
