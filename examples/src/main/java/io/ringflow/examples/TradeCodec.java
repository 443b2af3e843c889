package io.ringflow.examples;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * {@link Trade} as journal bytes: four longs, little-endian. Schema version 1; change the layout, bump it.
 * <p>
 * Threading: stateless.
 */
public final class TradeCodec implements RecordCodec<Trade>
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    @Override
    public int schemaId()
    {
        return 0x5452; // "TR"
    }

    @Override
    public int schemaVersion()
    {
        return 1;
    }

    @Override
    public int maxEncodedLength()
    {
        return 4 * Long.BYTES;
    }

    @Override
    public Trade newInstance()
    {
        return new Trade();
    }

    @Override
    public int encode(final Trade trade, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, trade.symbolId, ORDER);
        buffer.putLong(offset + 8, trade.quantity, ORDER);
        buffer.putLong(offset + 16, trade.priceTicks, ORDER);
        buffer.putLong(offset + 24, trade.timeMs, ORDER);
        return maxEncodedLength();
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final Trade into)
    {
        into.set(buffer.getLong(offset, ORDER), buffer.getLong(offset + 8, ORDER),
            buffer.getLong(offset + 16, ORDER), buffer.getLong(offset + 24, ORDER));
    }
}
