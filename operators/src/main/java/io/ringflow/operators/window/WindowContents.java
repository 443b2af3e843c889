package io.ringflow.operators.window;

/**
 * A cursor over the records buffered in one window, in arrival order (after a session merge: the
 * earlier session's records first). Each {@link #next()} decodes into one reused record.
 * <p>
 * Valid only during {@link ProcessWindowFunction#process}.
 *
 * @param <T> record type.
 */
public interface WindowContents<T>
{
    /** @return number of records in the window. */
    int size();

    /** @return true if it moved to another record. */
    boolean next();

    /** @return the current record, overwritten by the next {@link #next()}. */
    T record();

    /** @return the current record's event time. */
    long timestamp();

    /** Start again from the first record. */
    void rewind();
}
