package io.ringflow.replay.join;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** An order joined with a fill of its account within the interval: the join tests' output. */
public final class Fill
{
    static final RecordType<Fill> TYPE = RecordType.of("Fill", Fill::new, (from, to) -> to.set(from));
    static final Codec CODEC = new Codec();

    long account;
    long orderTime;
    long fillTime;
    long quantity;

    Fill set(final long account, final long orderTime, final long fillTime, final long quantity)
    {
        this.account = account;
        this.orderTime = orderTime;
        this.fillTime = fillTime;
        this.quantity = quantity;
        return this;
    }

    Fill set(final Fill other)
    {
        return set(other.account, other.orderTime, other.fillTime, other.quantity);
    }

    @Override
    public String toString()
    {
        return "Fill{account=" + account + ", order@" + orderTime + ", fill@" + fillTime + ", qty=" + quantity + "}";
    }

    /** Four longs, little-endian. */
    static final class Codec implements RecordCodec<Fill>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

        @Override
        public int schemaId()
        {
            return 0x464C;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 32;
        }

        @Override
        public Fill newInstance()
        {
            return new Fill();
        }

        @Override
        public int encode(final Fill fill, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, fill.account, ORDER);
            buffer.putLong(offset + 8, fill.orderTime, ORDER);
            buffer.putLong(offset + 16, fill.fillTime, ORDER);
            buffer.putLong(offset + 24, fill.quantity, ORDER);
            return 32;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Fill into)
        {
            into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + 8, ORDER), buffer.getLong(offset + 16, ORDER),
                buffer.getLong(offset + 24, ORDER));
        }
    }
}
