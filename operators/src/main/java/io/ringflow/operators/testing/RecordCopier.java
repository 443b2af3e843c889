package io.ringflow.operators.testing;

/**
 * Makes an independent copy of a reused record so that a test can keep it. Allocates: test use only.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface RecordCopier<T>
{
    /**
     * @param record a record valid only during the call.
     * @return a copy that stays valid.
     */
    T copy(T record);

    /**
     * @param <T> record type.
     * @return a copier for immutable records: the record itself.
     */
    static <T> RecordCopier<T> identity()
    {
        return record -> record;
    }
}
