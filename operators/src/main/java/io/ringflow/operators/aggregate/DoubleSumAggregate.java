package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** Sum of a double field (plain floating-point addition, in arrival order). */
final class DoubleSumAggregate<T> implements AggregateFunction<T>
{
    private final ToDoubleFunction<T> field;

    DoubleSumAggregate(final ToDoubleFunction<T> field)
    {
        this.field = Objects.requireNonNull(field, "field");
    }

    @Override
    public int accumulatorBytes()
    {
        return Double.BYTES;
    }

    @Override
    public int resultSlots()
    {
        return 1;
    }

    @Override
    public void reset(final MutableDirectBuffer acc, final int offset)
    {
        acc.putDouble(offset, 0.0);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer acc, final int offset)
    {
        acc.putDouble(offset, acc.getDouble(offset) + field.applyAsDouble(record));
    }

    @Override
    public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
    {
        acc.putDouble(offset, acc.getDouble(offset) + other.getDouble(otherOffset));
    }

    @Override
    public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
    {
        out.setDouble(firstSlot, acc.getDouble(offset));
    }

    @Override
    public String toString()
    {
        return "sumDouble";
    }
}
