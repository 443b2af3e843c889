package io.ringflow.operators.cep;

/**
 * Decides whether a record can play one stage of a {@link Pattern} ("a large amount", "a transfer").
 * <p>
 * Called once per stage for every record that reaches a {@link PatternOperator}, on the operator's thread,
 * when the record arrives (not when it is later evaluated in timestamp order): it must be deterministic,
 * side-effect free, must not keep the record, and should not allocate, since it runs on the per-record path.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface RecordPredicate<T>
{
    /**
     * @param record the record, valid only during this call.
     * @return true if the record satisfies this stage.
     */
    boolean test(T record);
}
