package io.ringflow.operators;

/**
 * Keeps or drops a record. Called on the operator's thread; must not keep the record.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface RecordFilter<T>
{
    /**
     * @param record the record.
     * @return true to keep it.
     */
    boolean test(T record);
}
