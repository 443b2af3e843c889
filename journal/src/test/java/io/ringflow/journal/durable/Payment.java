package io.ringflow.journal.durable;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** A card payment: the crash test's input record, with its codec and ring type. */
final class Payment
{
    static final RecordType<Payment> TYPE = RecordType.of("Payment", Payment::new, (from, to) -> to.set(from));
    static final Codec CODEC = new Codec();

    long card;
    long timeMs;
    long amount;

    Payment set(final long card, final long timeMs, final long amount)
    {
        this.card = card;
        this.timeMs = timeMs;
        this.amount = amount;
        return this;
    }

    Payment set(final Payment other)
    {
        return set(other.card, other.timeMs, other.amount);
    }

    long card()
    {
        return card;
    }

    long timeMs()
    {
        return timeMs;
    }

    long amount()
    {
        return amount;
    }

    /** Three longs, little-endian. */
    static final class Codec implements RecordCodec<Payment>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

        @Override
        public int schemaId()
        {
            return 0x5041; // "PA"
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 3 * Long.BYTES;
        }

        @Override
        public Payment newInstance()
        {
            return new Payment();
        }

        @Override
        public int encode(final Payment record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.card, ORDER);
            buffer.putLong(offset + Long.BYTES, record.timeMs, ORDER);
            buffer.putLong(offset + 2 * Long.BYTES, record.amount, ORDER);
            return maxEncodedLength();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Payment into)
        {
            into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + Long.BYTES, ORDER),
                buffer.getLong(offset + 2 * Long.BYTES, ORDER));
        }
    }
}
