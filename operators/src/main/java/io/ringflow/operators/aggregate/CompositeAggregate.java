package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Objects;

/** Several aggregates side by side in one accumulator; result slots follow the same order. */
final class CompositeAggregate<T> implements AggregateFunction<T>
{
    private final List<AggregateFunction<T>> list;
    private final AggregateFunction<?>[] functions;
    private final int[] accumulatorOffsets;
    private final int[] firstSlots;
    private final int accumulatorBytes;
    private final int resultSlots;

    CompositeAggregate(final List<AggregateFunction<T>> functions)
    {
        if (functions.isEmpty())
        {
            throw new IllegalArgumentException("Aggregates.of needs at least one aggregate");
        }
        this.list = functions;
        this.functions = functions.toArray(new AggregateFunction<?>[0]);
        accumulatorOffsets = new int[this.functions.length];
        firstSlots = new int[this.functions.length];
        int bytes = 0;
        int slots = 0;
        for (int i = 0; i < this.functions.length; i++)
        {
            Objects.requireNonNull(this.functions[i], "aggregate " + i);
            accumulatorOffsets[i] = bytes;
            firstSlots[i] = slots;
            bytes += this.functions[i].accumulatorBytes();
            slots += this.functions[i].resultSlots();
        }
        accumulatorBytes = bytes;
        resultSlots = slots;
    }

    @Override
    public int accumulatorBytes()
    {
        return accumulatorBytes;
    }

    @Override
    public int resultSlots()
    {
        return resultSlots;
    }

    @SuppressWarnings("unchecked")
    private AggregateFunction<T> function(final int i)
    {
        // an array, not the list, so that the per-record loop does no interface dispatch on List
        return (AggregateFunction<T>)functions[i];
    }

    @Override
    public void reset(final MutableDirectBuffer acc, final int offset)
    {
        for (int i = 0; i < this.functions.length; i++)
        {
            functions[i].reset(acc, offset + accumulatorOffsets[i]);
        }
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer acc, final int offset)
    {
        for (int i = 0; i < this.functions.length; i++)
        {
            function(i).add(record, timestamp, acc, offset + accumulatorOffsets[i]);
        }
    }

    @Override
    public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
    {
        for (int i = 0; i < this.functions.length; i++)
        {
            functions[i].merge(acc, offset + accumulatorOffsets[i], other, otherOffset + accumulatorOffsets[i]);
        }
    }

    @Override
    public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
    {
        for (int i = 0; i < this.functions.length; i++)
        {
            functions[i].result(acc, offset + accumulatorOffsets[i], out, firstSlot + firstSlots[i]);
        }
    }

    @Override
    public String toString()
    {
        return "of" + list;
    }

    @Override
    public boolean mergesExactly()
    {
        for (final AggregateFunction<?> function : functions)
        {
            if (!function.mergesExactly())
            {
                return false;
            }
        }
        return true;
    }
}
