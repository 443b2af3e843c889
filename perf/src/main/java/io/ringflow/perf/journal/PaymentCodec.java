package io.ringflow.perf.journal;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * {@link Payment} as three little-endian longs (card, time, amount): a 24-byte payload, so that a journal
 * entry is about 80 bytes with its frame and the figures show the journal's own cost, not the codec's.
 * <p>
 * Threading: stateless.
 */
final class PaymentCodec implements RecordCodec<Payment>
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int LENGTH = 3 * Long.BYTES;

    @Override
    public int schemaId()
    {
        return 0x5042; // "PB": the perf module's payment
    }

    @Override
    public int schemaVersion()
    {
        return 1;
    }

    @Override
    public int maxEncodedLength()
    {
        return LENGTH;
    }

    @Override
    public Payment newInstance()
    {
        return new Payment();
    }

    @Override
    public int encode(final Payment record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, record.card(), ORDER);
        buffer.putLong(offset + Long.BYTES, record.timeMs(), ORDER);
        buffer.putLong(offset + 2 * Long.BYTES, record.amount(), ORDER);
        return LENGTH;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final Payment into)
    {
        if (length != LENGTH)
        {
            throw new IllegalArgumentException("a payment is " + LENGTH + " bytes, not " + length);
        }
        into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + Long.BYTES, ORDER),
            buffer.getLong(offset + 2 * Long.BYTES, ORDER));
    }
}
