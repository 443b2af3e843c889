package io.ringflow.operators.join;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** A mutable test record of either side: a key and an id, reused by callers like a ring slot. */
final class Item
{
    long key;
    long id;

    Item()
    {
    }

    Item(final long key, final long id)
    {
        this.key = key;
        this.id = id;
    }

    long key()
    {
        return key;
    }

    Item set(final long key, final long id)
    {
        this.key = key;
        this.id = id;
        return this;
    }

    Item copy()
    {
        return new Item(key, id);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Item && ((Item)o).key == key && ((Item)o).id == id;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(key) * 31 + Long.hashCode(id);
    }

    @Override
    public String toString()
    {
        return "Item(" + key + ", " + id + ")";
    }

    static final RecordCodec<Item> CODEC = new RecordCodec<>()
    {
        @Override
        public int schemaId()
        {
            return 7;
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
        public Item newInstance()
        {
            return new Item();
        }

        @Override
        public int encode(final Item record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.key);
            buffer.putLong(offset + 8, record.id);
            return 16;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Item into)
        {
            if (length != 16)
            {
                throw new IllegalArgumentException("Item encoding is 16 bytes, got " + length);
            }
            into.key = buffer.getLong(offset);
            into.id = buffer.getLong(offset + 8);
        }
    };
}
