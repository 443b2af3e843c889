package io.ringflow.examples.fraud;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * {@link CardEvent}s in the input journal: fixed-width, little-endian, every field as received (a
 * malformed record is journaled as it came, so that a replay dead-letters it again).
 * <pre>
 *   0 kind (1)  1 country (4)  5 event id (8)  13 card (8)  21 merchant (8)  29 amount (8)  37 event time (8)  = 45
 * </pre>
 * Threading: stateless.
 */
public final class CardEventCodec implements RecordCodec<CardEvent>
{
    /** Schema id in journal headers. */
    public static final int SCHEMA_ID = 0x43415244;   // "CARD"
    private static final int LENGTH = 45;

    @Override
    public int schemaId()
    {
        return SCHEMA_ID;
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
    public CardEvent newInstance()
    {
        return new CardEvent();
    }

    @Override
    public int encode(final CardEvent record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putByte(offset, record.kind);
        buffer.putInt(offset + 1, record.country, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 5, record.eventId, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 13, record.cardId, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 21, record.merchantId, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 29, record.amountCents, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 37, record.eventTimeMs, ByteOrder.LITTLE_ENDIAN);
        return LENGTH;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final CardEvent into)
    {
        if (LENGTH != length)
        {
            throw new IllegalArgumentException("a CardEvent is " + LENGTH + " bytes, this record has " + length);
        }
        into.set(buffer.getByte(offset), buffer.getLong(offset + 5, ByteOrder.LITTLE_ENDIAN),
            buffer.getLong(offset + 13, ByteOrder.LITTLE_ENDIAN), buffer.getLong(offset + 21, ByteOrder.LITTLE_ENDIAN),
            buffer.getInt(offset + 1, ByteOrder.LITTLE_ENDIAN), buffer.getLong(offset + 29, ByteOrder.LITTLE_ENDIAN),
            buffer.getLong(offset + 37, ByteOrder.LITTLE_ENDIAN));
    }
}
