package io.ringflow.operators.table;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;

/**
 * What a {@link TableJoinOperator} does with a stream record for which the table has no value: no
 * version of its key, or a delete in force.
 */
public enum MissPolicy
{
    /**
     * Send it to {@link Rejected#TAG} with {@link RejectReason#NO_MATCH} (or
     * {@link RejectReason#VERSION_EVICTED} when the version wanted was evicted by the history bound).
     */
    DROP_TO_SIDE_OUTPUT,

    /**
     * Call the join function anyway, with the configured default value or {@code null}, and emit.
     */
    EMIT_WITH_DEFAULTS,

    /**
     * Hold the record off-heap until the watermark passes its timestamp, then look it up again and, on a
     * second miss, apply the fallback policy ({@link #DROP_TO_SIDE_OUTPUT} or {@link #EMIT_WITH_DEFAULTS}).
     * In {@link LookupMode#LATEST} mode only misses wait, and the second lookup reads the value current at
     * release. In {@link LookupMode#TEMPORAL} mode every record already waits for the watermark before
     * its one, final lookup, so this policy is the fallback's.
     */
    HOLD_UNTIL_WATERMARK
}
