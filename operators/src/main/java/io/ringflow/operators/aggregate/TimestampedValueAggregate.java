package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;
import java.util.function.ToLongFunction;

/** first / last by event time: accumulator {present, timestamp, value}. */
final class TimestampedValueAggregate<T> implements AggregateFunction<T>
{
    private static final int PRESENT_OFFSET = 0;
    private static final int TIMESTAMP_OFFSET = 8;
    private static final int VALUE_OFFSET = 16;

    private final boolean first;
    private final ToLongFunction<T> field;

    TimestampedValueAggregate(final boolean first, final ToLongFunction<T> field)
    {
        this.first = first;
        this.field = Objects.requireNonNull(field, "field");
    }

    @Override
    public int accumulatorBytes()
    {
        return 24;
    }

    @Override
    public int resultSlots()
    {
        return 1;
    }

    @Override
    public void reset(final MutableDirectBuffer acc, final int offset)
    {
        acc.putLong(offset + PRESENT_OFFSET, 0);
        acc.putLong(offset + TIMESTAMP_OFFSET, 0);
        acc.putLong(offset + VALUE_OFFSET, 0);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer acc, final int offset)
    {
        if (replaces(acc.getLong(offset + PRESENT_OFFSET) != 0, acc.getLong(offset + TIMESTAMP_OFFSET), timestamp, true))
        {
            acc.putLong(offset + PRESENT_OFFSET, 1);
            acc.putLong(offset + TIMESTAMP_OFFSET, timestamp);
            acc.putLong(offset + VALUE_OFFSET, field.applyAsLong(record));
        }
    }

    @Override
    public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
    {
        if (other.getLong(otherOffset + PRESENT_OFFSET) == 0)
        {
            return;
        }
        final long otherTimestamp = other.getLong(otherOffset + TIMESTAMP_OFFSET);
        if (replaces(acc.getLong(offset + PRESENT_OFFSET) != 0, acc.getLong(offset + TIMESTAMP_OFFSET), otherTimestamp, false))
        {
            acc.putLong(offset + PRESENT_OFFSET, 1);
            acc.putLong(offset + TIMESTAMP_OFFSET, otherTimestamp);
            acc.putLong(offset + VALUE_OFFSET, other.getLong(otherOffset + VALUE_OFFSET));
        }
    }

    /**
     * @param arrivedLater on a timestamp tie, whether the candidate counts as the later arrival
     *                     (true for add; false for merge, where ties go to the earlier-starting session).
     */
    private boolean replaces(final boolean present, final long current, final long candidate, final boolean arrivedLater)
    {
        if (!present)
        {
            return true;
        }
        if (candidate == current)
        {
            return !first && arrivedLater;
        }
        return first ? candidate < current : candidate > current;
    }

    @Override
    public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
    {
        out.setLong(firstSlot, acc.getLong(offset + VALUE_OFFSET));
    }

    @Override
    public String toString()
    {
        return first ? "first" : "last";
    }

    @Override
    public boolean mergesExactly()
    {
        return true;
    }
}
