package io.ringflow.operators.aggregate;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;
import java.util.function.ToLongFunction;

/** count, sum, min, max over a long field: one long accumulator. */
final class LongAggregate<T> implements AggregateFunction<T>
{
    enum Kind
    {
        COUNT, SUM, MIN, MAX
    }

    private final Kind kind;
    private final ToLongFunction<T> field;

    LongAggregate(final Kind kind, final ToLongFunction<T> field)
    {
        this.kind = kind;
        this.field = kind == Kind.COUNT ? null : Objects.requireNonNull(field, "field");
    }

    @Override
    public int accumulatorBytes()
    {
        return Long.BYTES;
    }

    @Override
    public int resultSlots()
    {
        return 1;
    }

    @Override
    public void reset(final MutableDirectBuffer acc, final int offset)
    {
        final long initial = kind == Kind.MIN ? Long.MAX_VALUE : kind == Kind.MAX ? Long.MIN_VALUE : 0L;
        acc.putLong(offset, initial);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer acc, final int offset)
    {
        final long current = acc.getLong(offset);
        switch (kind)
        {
            case COUNT:
                acc.putLong(offset, current + 1);
                break;
            case SUM:
                acc.putLong(offset, Math.addExact(current, field.applyAsLong(record)));
                break;
            case MIN:
                acc.putLong(offset, Math.min(current, field.applyAsLong(record)));
                break;
            default:
                acc.putLong(offset, Math.max(current, field.applyAsLong(record)));
                break;
        }
    }

    @Override
    public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
    {
        final long a = acc.getLong(offset);
        final long b = other.getLong(otherOffset);
        switch (kind)
        {
            case COUNT:
            case SUM:
                acc.putLong(offset, Math.addExact(a, b));
                break;
            case MIN:
                acc.putLong(offset, Math.min(a, b));
                break;
            default:
                acc.putLong(offset, Math.max(a, b));
                break;
        }
    }

    @Override
    public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
    {
        out.setLong(firstSlot, acc.getLong(offset));
    }

    @Override
    public String toString()
    {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean mergesExactly()
    {
        return true;
    }
}
