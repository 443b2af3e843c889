package io.ringflow.operators;

/**
 * Why an operator sent a record to the rejected side output instead of processing it.
 */
public enum RejectReason
{
    /**
     * Too late to be processed: every window the record belongs to is past
     * {@code maxTimestamp + allowedLateness}, or a temporal table join's stream record is at or below
     * {@code watermark - retention}.
     */
    LATE,
    /** The record carries a reserved timestamp ({@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}). */
    INVALID_TIMESTAMP,
    /** The record's window would end beyond {@code Long.MAX_VALUE}. */
    TIMESTAMP_OUT_OF_RANGE,
    /** A deduplication operator has seen the record's key within its TTL. */
    DUPLICATE,
    /**
     * A stream–table join found no table value for the record: its key has no version as of the lookup,
     * or a delete is in force.
     */
    NO_MATCH,
    /**
     * A temporal stream–table join's version as of the record's time existed but was evicted by the
     * join's history bound (at most K versions per key).
     */
    VERSION_EVICTED
}
