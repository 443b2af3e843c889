package io.ringflow.replay;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** A card transaction for replay tests, with its codec and ring type. */
public final class Txn
{
    static final RecordType<Txn> TYPE = RecordType.of("Txn", Txn::new, (from, to) -> to.set(from.card, from.timeMs, from.amount));

    long card;
    long timeMs;
    long amount;

    Txn set(final long card, final long timeMs, final long amount)
    {
        this.card = card;
        this.timeMs = timeMs;
        this.amount = amount;
        return this;
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
    public static final class Codec implements RecordCodec<Txn>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

        @Override
        public int schemaId()
        {
            return 0x5458;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 24;
        }

        @Override
        public Txn newInstance()
        {
            return new Txn();
        }

        @Override
        public int encode(final Txn txn, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, txn.card, ORDER);
            buffer.putLong(offset + 8, txn.timeMs, ORDER);
            buffer.putLong(offset + 16, txn.amount, ORDER);
            return 24;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Txn into)
        {
            into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + 8, ORDER), buffer.getLong(offset + 16, ORDER));
        }
    }
}
