package io.ringflow.replay.cli;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** The test pipeline's input: an order on an account, with its codec and ring type. */
public final class Order
{
    /** Buy or sell: an enum, to show how the CLI renders one. */
    public enum Side
    {
        BUY,
        SELL
    }

    static final RecordType<Order> TYPE = RecordType.of("Order", Order::new, (from, to) -> to.set(from));
    static final Codec CODEC = new Codec(1);

    long account;
    long timeMs;
    long amountCents;
    Side side = Side.BUY;

    Order set(final long account, final long timeMs, final long amountCents, final Side side)
    {
        this.account = account;
        this.timeMs = timeMs;
        this.amountCents = amountCents;
        this.side = side;
        return this;
    }

    Order set(final Order other)
    {
        return set(other.account, other.timeMs, other.amountCents, other.side);
    }

    long account()
    {
        return account;
    }

    /** Three longs and a side byte, little-endian; the schema version is a parameter to test mismatches. */
    static final class Codec implements RecordCodec<Order>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
        private final int version;

        Codec(final int version)
        {
            this.version = version;
        }

        @Override
        public int schemaId()
        {
            return 0x4F52; // "OR"
        }

        @Override
        public int schemaVersion()
        {
            return version;
        }

        @Override
        public int maxEncodedLength()
        {
            return 3 * Long.BYTES + 1;
        }

        @Override
        public Order newInstance()
        {
            return new Order();
        }

        @Override
        public int encode(final Order record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.account, ORDER);
            buffer.putLong(offset + Long.BYTES, record.timeMs, ORDER);
            buffer.putLong(offset + 2 * Long.BYTES, record.amountCents, ORDER);
            buffer.putByte(offset + 3 * Long.BYTES, (byte)record.side.ordinal());
            return maxEncodedLength();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Order into)
        {
            if (length != maxEncodedLength())
            {
                throw new IllegalArgumentException("an order is " + maxEncodedLength() + " bytes, not " + length);
            }
            into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + Long.BYTES, ORDER),
                buffer.getLong(offset + 2 * Long.BYTES, ORDER), Side.values()[buffer.getByte(offset + 3 * Long.BYTES)]);
        }
    }
}
