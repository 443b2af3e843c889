package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;

/**
 * Decides, record by record, whether a record carries a watermark: a marker record, a sequence gap
 * closed, an exchange's "end of interval" message. Configured by
 * {@link WatermarkStrategy#forPunctuated}.
 * <p>
 * Threading: called on the operator's thread, after the record's timestamp is extracted and before the
 * record is emitted. Must be deterministic, so that a replay produces the same watermarks.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface PunctuatedWatermarks<T>
{
    /**
     * Returned when a record carries no watermark. Equal to {@link Timestamps#MIN_WATERMARK}, so it can
     * never advance event time; any value at or below the current watermark has the same effect,
     * because watermarks never go backwards.
     */
    long NO_WATERMARK = Timestamps.MIN_WATERMARK;

    /**
     * @param record    the record, valid only during this call.
     * @param timestamp its event time, already validated.
     * @return the watermark this record establishes, or {@link #NO_WATERMARK}. Returning
     *         {@link Timestamps#END_OF_STREAM} ends event time: every later record is late.
     */
    long nextWatermark(T record, long timestamp);
}
