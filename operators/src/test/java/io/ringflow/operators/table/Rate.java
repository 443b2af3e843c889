package io.ringflow.operators.table;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** A changelog record: upsert a key's rate, or delete the key. */
final class Rate
{
    long key;
    long value;
    boolean delete;

    Rate set(final long key, final long value, final boolean delete)
    {
        this.key = key;
        this.value = value;
        this.delete = delete;
        return this;
    }

    static Rate upsert(final long key, final long value)
    {
        return new Rate().set(key, value, false);
    }

    static Rate delete(final long key)
    {
        return new Rate().set(key, 0, true);
    }

    @Override
    public String toString()
    {
        return delete ? "Delete(" + key + ")" : "Rate(" + key + ", " + value + ")";
    }

    /** The view the join function reads: a flyweight over the stored 8 bytes. */
    static final class View
    {
        private DirectBuffer buffer;
        private int offset;

        long value()
        {
            return buffer.getLong(offset);
        }

        @Override
        public String toString()
        {
            return "rate " + value();
        }
    }

    static final ChangelogReader<Rate> READER = new ChangelogReader<>()
    {
        @Override
        public long key(final Rate record)
        {
            return record.key;
        }

        @Override
        public boolean isDelete(final Rate record)
        {
            return record.delete;
        }

        @Override
        public int valueBytes()
        {
            return Long.BYTES;
        }

        @Override
        public void encodeValue(final Rate record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.value);
        }
    };

    static final TableValueDecoder<View> DECODER = new TableValueDecoder<>()
    {
        @Override
        public View newInstance()
        {
            return new View();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final View into)
        {
            into.buffer = buffer;
            into.offset = offset;
        }
    };

    /** "order id:rate", or "order id:none" when joined without a value. Allocates: tests only. */
    static final TableJoinFunction<Order, View, String> DESCRIBE =
        (order, rate, reuse) -> order.id + ":" + (rate == null ? "none" : Long.toString(rate.value()));
}
