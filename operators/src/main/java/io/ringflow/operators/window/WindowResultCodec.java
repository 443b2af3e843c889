package io.ringflow.operators.window;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Encodes {@link WindowResult}s with a fixed number of slots: key, start, end (longs), the firing kind
 * (one byte, its ordinal), then each slot's 64 bits, all little-endian. Slots are written as raw bits,
 * so long and double slots round-trip exactly. What an output journal of window results holds.
 * <p>
 * Threading: stateless.
 */
public final class WindowResultCodec implements RecordCodec<WindowResult>
{
    /** The schema id of window results in journals. */
    public static final int SCHEMA_ID = 0x5752; // "WR"

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final FiringKind[] KINDS = FiringKind.values();
    private static final int HEADER_LENGTH = 3 * Long.BYTES + 1;

    private final int slots;

    /**
     * @param slots the number of result slots (the aggregate's {@code slots()}).
     */
    public WindowResultCodec(final int slots)
    {
        if (slots < 0)
        {
            throw new IllegalArgumentException("slots must be >= 0, was " + slots);
        }
        this.slots = slots;
    }

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
        return HEADER_LENGTH + slots * Long.BYTES;
    }

    @Override
    public WindowResult newInstance()
    {
        return new WindowResult(slots);
    }

    @Override
    public int encode(final WindowResult record, final MutableDirectBuffer buffer, final int offset)
    {
        if (record.slots() != slots)
        {
            throw new IllegalArgumentException("window result with " + record.slots() + " slots, codec for " + slots);
        }
        buffer.putLong(offset, record.key(), ORDER);
        buffer.putLong(offset + Long.BYTES, record.start(), ORDER);
        buffer.putLong(offset + 2 * Long.BYTES, record.end(), ORDER);
        buffer.putByte(offset + 3 * Long.BYTES, (byte)record.kind().ordinal());
        for (int i = 0; i < slots; i++)
        {
            buffer.putLong(offset + HEADER_LENGTH + i * Long.BYTES, record.longValue(i), ORDER);
        }
        return maxEncodedLength();
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final WindowResult into)
    {
        if (length != maxEncodedLength())
        {
            throw new IllegalArgumentException("a window result with " + slots + " slots takes " + maxEncodedLength() +
                " bytes, this one has " + length);
        }
        final int kind = buffer.getByte(offset + 3 * Long.BYTES);
        if (kind < 0 || kind >= KINDS.length)
        {
            throw new IllegalArgumentException("unknown firing kind " + kind);
        }
        into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + Long.BYTES, ORDER),
            buffer.getLong(offset + 2 * Long.BYTES, ORDER), KINDS[kind]);
        for (int i = 0; i < slots; i++)
        {
            into.setLong(i, buffer.getLong(offset + HEADER_LENGTH + i * Long.BYTES, ORDER));
        }
    }
}
