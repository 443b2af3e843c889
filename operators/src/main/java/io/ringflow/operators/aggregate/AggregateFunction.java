package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An incremental aggregate over a fixed-width, off-heap accumulator: the operator keeps
 * {@link #accumulatorBytes()} bytes per window and key, calls {@link #add} per record and
 * {@link #merge} when session windows merge, and asks for the {@link #result} when the window fires.
 * <p>
 * Implementations hold no per-key state of their own (it is all in the accumulator), allocate nothing,
 * and are called on the operator's thread. Combine several with {@link Aggregates#of}.
 *
 * @param <T> record type.
 */
public interface AggregateFunction<T>
{
    /** @return accumulator width in bytes. */
    int accumulatorBytes();

    /** @return how many result slots {@link #result} writes. */
    int resultSlots();

    /**
     * Initialise an empty accumulator (the memory is not necessarily zero).
     *
     * @param acc    buffer.
     * @param offset accumulator offset.
     */
    void reset(MutableDirectBuffer acc, int offset);

    /**
     * @param record    the record.
     * @param timestamp its event time.
     * @param acc       buffer.
     * @param offset    accumulator offset.
     */
    void add(T record, long timestamp, MutableDirectBuffer acc, int offset);

    /**
     * Fold {@code other} into {@code acc}; {@code acc} holds the earlier-starting window.
     *
     * @param acc         target buffer.
     * @param offset      target offset.
     * @param other       source buffer.
     * @param otherOffset source offset.
     */
    void merge(MutableDirectBuffer acc, int offset, DirectBuffer other, int otherOffset);

    /**
     * @param acc       buffer.
     * @param offset    accumulator offset.
     * @param out       where to write the result.
     * @param firstSlot first slot this function owns in {@code out}.
     */
    void result(DirectBuffer acc, int offset, ResultSlots out, int firstSlot);

    /**
     * Whether merging accumulators in time order gives exactly the result of adding the same records to one
     * accumulator: then sliding windows whose size is a multiple of their slide keep one accumulator per slide
     * (a pane) and merge a window's panes when it fires, one state update per record instead of one per window.
     * False unless the function says otherwise (floating-point sums, for one, depend on the order of addition).
     * Long sums count as exact: their totals are, though whether a running total overflows (and throws) depends
     * on the grouping.
     *
     * @return true if {@link #merge} is exact in that sense.
     */
    default boolean mergesExactly()
    {
        return false;
    }
}
