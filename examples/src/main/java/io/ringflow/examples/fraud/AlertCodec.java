package io.ringflow.examples.fraud;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * {@link Alert}s in the output journal: fixed-width, little-endian.
 * <pre>
 *   0 rule (1)  1 card (8)  9 timestamp (8)  17 value (8)  25 reference (8)  = 33
 * </pre>
 * Threading: stateless.
 */
public final class AlertCodec implements RecordCodec<Alert>
{
    /** Schema id in journal headers. */
    public static final int SCHEMA_ID = 0x414C5254;   // "ALRT"
    private static final int LENGTH = 33;

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
    public Alert newInstance()
    {
        return new Alert();
    }

    @Override
    public int encode(final Alert record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putByte(offset, (byte)record.rule.ordinal());
        buffer.putLong(offset + 1, record.cardId, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 9, record.timestampMs, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 17, record.value, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 25, record.reference, ByteOrder.LITTLE_ENDIAN);
        return LENGTH;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final Alert into)
    {
        if (LENGTH != length)
        {
            throw new IllegalArgumentException("an Alert is " + LENGTH + " bytes, this record has " + length);
        }
        into.set(Rule.of(buffer.getByte(offset)), buffer.getLong(offset + 1, ByteOrder.LITTLE_ENDIAN),
            buffer.getLong(offset + 9, ByteOrder.LITTLE_ENDIAN), buffer.getLong(offset + 17, ByteOrder.LITTLE_ENDIAN),
            buffer.getLong(offset + 25, ByteOrder.LITTLE_ENDIAN));
    }
}
