package io.ringflow.operators.table;

/**
 * Which table value a {@link TableJoinOperator} joins a stream record with.
 */
public enum LookupMode
{
    /**
     * The key's current value when the stream record is processed: changelog records apply in arrival
     * order, whatever their timestamps, and the stream record is joined at once (processing-time
     * semantics; deterministic in a replay, because arrival order is the journal's).
     */
    LATEST,

    /**
     * The value as of the stream record's event time: the changelog version with the greatest timestamp
     * at or below it. Stream records wait until the watermark passes their timestamp, so that every
     * version at or before it has arrived (Flink's event-time temporal join).
     */
    TEMPORAL
}
