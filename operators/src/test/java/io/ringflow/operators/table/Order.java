package io.ringflow.operators.table;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** A mutable stream record: the table key it is enriched by and an id. */
final class Order
{
    long key;
    long id;

    Order()
    {
    }

    Order(final long key, final long id)
    {
        this.key = key;
        this.id = id;
    }

    long key()
    {
        return key;
    }

    Order set(final long key, final long id)
    {
        this.key = key;
        this.id = id;
        return this;
    }

    Order copy()
    {
        return new Order(key, id);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Order && ((Order)o).key == key && ((Order)o).id == id;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(key) * 31 + Long.hashCode(id);
    }

    @Override
    public String toString()
    {
        return "Order(" + key + ", " + id + ")";
    }

    static final RecordCodec<Order> CODEC = new RecordCodec<>()
    {
        @Override
        public int schemaId()
        {
            return 11;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 16;
        }

        @Override
        public Order newInstance()
        {
            return new Order();
        }

        @Override
        public int encode(final Order record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.key);
            buffer.putLong(offset + 8, record.id);
            return 16;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Order into)
        {
            into.key = buffer.getLong(offset);
            into.id = buffer.getLong(offset + 8);
        }
    };
}
