package io.ringflow.perf;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * {@link Event} as two native-order longs: what benchmarks of operators that buffer records off-heap
 * (joins, held stream records) store.
 * <p>
 * Threading: stateless.
 */
final class EventCodec implements RecordCodec<Event>
{
    static final EventCodec INSTANCE = new EventCodec();

    private EventCodec()
    {
    }

    @Override
    public int schemaId()
    {
        return 0x4556; // "EV": the perf module's event
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
    public Event newInstance()
    {
        return new Event();
    }

    @Override
    public int encode(final Event record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, record.key());
        buffer.putLong(offset + Long.BYTES, record.value());
        return 2 * Long.BYTES;
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final Event into)
    {
        into.set(buffer.getLong(offset), buffer.getLong(offset + Long.BYTES));
    }
}
