package io.ringflow.operators;

/**
 * Why an operator sent a record to the rejected side output instead of processing it.
 */
public enum RejectReason
{
    /** Every window the record belongs to is past {@code maxTimestamp + allowedLateness}. */
    LATE,
    /** The record carries a reserved timestamp ({@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}). */
    INVALID_TIMESTAMP,
    /** The record's window would end beyond {@code Long.MAX_VALUE}. */
    TIMESTAMP_OUT_OF_RANGE,
    /** A deduplication operator has seen the record's key within its TTL. */
    DUPLICATE
}
