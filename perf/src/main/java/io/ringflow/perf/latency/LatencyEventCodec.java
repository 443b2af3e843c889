package io.ringflow.perf.latency;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * {@link LatencyEvent} as two little-endian longs (intended send time, payload): a 16-byte payload, so that
 * the durable subject's journals carry the harness's record and nothing else.
 * <pre>
 *   0               8               16
 *   ├ intendedSendNs┼ payload       ┤
 * </pre>
 * Threading: stateless; any thread.
 */
final class LatencyEventCodec implements RecordCodec<LatencyEvent>
{
    /** The one instance the subjects share. */
    static final LatencyEventCodec CODEC = new LatencyEventCodec();

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int LENGTH = 2 * Long.BYTES;

    private LatencyEventCodec()
    {
    }

    @Override
    public int schemaId()
    {
        return 0x4C45; // "LE": the perf module's latency event
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
    public LatencyEvent newInstance()
    {
        return new LatencyEvent();
    }

    @Override
    public int encode(final LatencyEvent record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, record.intendedSendNs, ORDER);
        buffer.putLong(offset + Long.BYTES, record.payload, ORDER);
        return LENGTH;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final LatencyEvent into)
    {
        if (length != LENGTH)
        {
            throw new IllegalArgumentException("a latency event is " + LENGTH + " bytes, not " + length);
        }
        into.intendedSendNs = buffer.getLong(offset, ORDER);
        into.payload = buffer.getLong(offset + Long.BYTES, ORDER);
    }
}
