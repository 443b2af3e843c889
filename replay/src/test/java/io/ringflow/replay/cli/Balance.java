package io.ringflow.replay.cli;

import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.RecordType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/** The test pipeline's output: an account's balance after an order, with its codec and ring type. */
public final class Balance
{
    static final RecordType<Balance> TYPE = RecordType.of("Balance", Balance::new, (from, to) -> to.set(from));
    static final Codec CODEC = new Codec();

    long account;
    long balanceCents;
    String currency = "EUR";

    Balance set(final long account, final long balanceCents)
    {
        this.account = account;
        this.balanceCents = balanceCents;
        return this;
    }

    Balance set(final Balance other)
    {
        return set(other.account, other.balanceCents);
    }

    long account()
    {
        return account;
    }

    /** Two longs, little-endian; the currency is not journaled (it is always EUR here). */
    static final class Codec implements RecordCodec<Balance>
    {
        private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

        @Override
        public int schemaId()
        {
            return 0x4241; // "BA"
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 2 * Long.BYTES;
        }

        @Override
        public Balance newInstance()
        {
            return new Balance();
        }

        @Override
        public int encode(final Balance record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.account, ORDER);
            buffer.putLong(offset + Long.BYTES, record.balanceCents, ORDER);
            return maxEncodedLength();
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Balance into)
        {
            into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + Long.BYTES, ORDER));
        }
    }
}
