package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;
import java.util.function.ToLongFunction;

/** Mean of a long field from an exact sum and a count; the result is a double. */
final class AverageAggregate<T> implements AggregateFunction<T>
{
    private static final int SUM_OFFSET = 0;
    private static final int COUNT_OFFSET = 8;

    private final ToLongFunction<T> field;

    AverageAggregate(final ToLongFunction<T> field)
    {
        this.field = Objects.requireNonNull(field, "field");
    }

    @Override
    public int accumulatorBytes()
    {
        return 16;
    }

    @Override
    public int resultSlots()
    {
        return 1;
    }

    @Override
    public void reset(final MutableDirectBuffer acc, final int offset)
    {
        acc.putLong(offset + SUM_OFFSET, 0);
        acc.putLong(offset + COUNT_OFFSET, 0);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer acc, final int offset)
    {
        acc.putLong(offset + SUM_OFFSET, Math.addExact(acc.getLong(offset + SUM_OFFSET), field.applyAsLong(record)));
        acc.putLong(offset + COUNT_OFFSET, acc.getLong(offset + COUNT_OFFSET) + 1);
    }

    @Override
    public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
    {
        acc.putLong(offset + SUM_OFFSET,
            Math.addExact(acc.getLong(offset + SUM_OFFSET), other.getLong(otherOffset + SUM_OFFSET)));
        acc.putLong(offset + COUNT_OFFSET, acc.getLong(offset + COUNT_OFFSET) + other.getLong(otherOffset + COUNT_OFFSET));
    }

    @Override
    public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
    {
        final long count = acc.getLong(offset + COUNT_OFFSET);
        out.setDouble(firstSlot, count == 0 ? Double.NaN : (double)acc.getLong(offset + SUM_OFFSET) / count);
    }

    @Override
    public String toString()
    {
        return "average";
    }

    @Override
    public boolean mergesExactly()
    {
        return true;
    }
}
