package io.ringflow.operators.join;

/**
 * One side's records in a firing window, in arrival order (after a session merge: the earlier session's
 * records first), decoded into records the operator reuses from one firing to the next. Indexed, so a
 * function may walk both sides in any order and as often as it likes.
 * <p>
 * Valid only during the {@link CoGroupFunction#coGroup} call it is passed to.
 *
 * @param <T> record type.
 */
public interface WindowSide<T>
{
    /** @return records of this side in the window; 0 when the window holds only the other side's. */
    int size();

    /**
     * @param index {@code [0, size())}.
     * @return that record.
     */
    T record(int index);

    /**
     * @param index {@code [0, size())}.
     * @return that record's event time.
     */
    long timestamp(int index);
}
