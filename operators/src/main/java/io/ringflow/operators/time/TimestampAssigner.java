package io.ringflow.operators.time;

/**
 * Reads a record's event time. Used by {@link TimestampsAndWatermarksOperator} as configured by
 * {@link WatermarkStrategy#withTimestampAssigner}.
 * <p>
 * Threading: called on the operator's thread, one record at a time. Must be deterministic and free of
 * side effects, and must not keep the record: replays depend on it returning the same value.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface TimestampAssigner<T>
{
    /**
     * @param record the record, valid only during this call.
     * @return its event time in the pipeline's tick unit; the reserved values of
     *         {@link io.ringflow.operators.Timestamps} make the record rejected.
     */
    long extractTimestamp(T record);
}
