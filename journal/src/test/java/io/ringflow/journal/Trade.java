package io.ringflow.journal;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * A small mutable test record with its codec.
 */
final class Trade
{
    long id;
    long price;
    int quantity;

    Trade set(final long id, final long price, final int quantity)
    {
        this.id = id;
        this.price = price;
        this.quantity = quantity;
        return this;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Trade && ((Trade)other).id == id && ((Trade)other).price == price &&
            ((Trade)other).quantity == quantity;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(id * 31 + price) * 31 + quantity;
    }

    @Override
    public String toString()
    {
        return "Trade{" + id + ", " + price + ", " + quantity + '}';
    }

    /** Encodes id, price and quantity little-endian; the version is a parameter to test mismatches. */
    static final class Codec implements RecordCodec<Trade>
    {
        static final int SCHEMA_ID = 42;
        static final int LENGTH = 2 * Long.BYTES + Integer.BYTES;

        private final int version;

        Codec(final int version)
        {
            this.version = version;
        }

        @Override
        public int schemaId()
        {
            return SCHEMA_ID;
        }

        @Override
        public int schemaVersion()
        {
            return version;
        }

        @Override
        public int maxEncodedLength()
        {
            return LENGTH;
        }

        @Override
        public Trade newInstance()
        {
            return new Trade();
        }

        @Override
        public int encode(final Trade record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.id, ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(offset + Long.BYTES, record.price, ByteOrder.LITTLE_ENDIAN);
            buffer.putInt(offset + 2 * Long.BYTES, record.quantity, ByteOrder.LITTLE_ENDIAN);
            return LENGTH;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Trade into)
        {
            if (length != LENGTH)
            {
                throw new IllegalArgumentException("a trade is " + LENGTH + " bytes, got " + length);
            }
            into.id = buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
            into.price = buffer.getLong(offset + Long.BYTES, ByteOrder.LITTLE_ENDIAN);
            into.quantity = buffer.getInt(offset + 2 * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
        }
    }
}
