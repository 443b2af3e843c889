package io.ringflow.operators.table;

/**
 * Combines a stream record with the table value found for it into an output record.
 * <p>
 * Threading: called on the operator's thread; implementations should fill {@code reuse} and return it,
 * so that nothing is allocated per record.
 *
 * @param <S> stream record type.
 * @param <V> table value view type (see {@link TableValueDecoder}).
 * @param <O> output type.
 */
@FunctionalInterface
public interface TableJoinFunction<S, V, O>
{
    /**
     * @param record the stream record, valid only during this call.
     * @param value  the table value as of the lookup; on a miss under
     *               {@link MissPolicy#EMIT_WITH_DEFAULTS}, the configured default value, or {@code null}
     *               when none was configured. Valid only during this call.
     * @param reuse  the operator's one output instance, to fill.
     * @return the record to emit (normally {@code reuse}); the operator emits it with the stream record's
     *         timestamp.
     */
    O join(S record, V value, O reuse);
}
