package io.ringflow.operators.join;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.Objects;

/**
 * The decoded records of one side of a firing window: records created by the codec as the largest window
 * so far needs them and reused for every later firing, so steady state allocates nothing. Holds one
 * window's records on the heap at a time.
 *
 * @param <T> record type.
 */
final class SidePool<T> implements WindowSide<T>
{
    private final RecordCodec<T> codec;
    private Object[] records = new Object[16];
    private long[] timestamps = new long[16];
    private int size;

    SidePool(final RecordCodec<T> codec)
    {
        this.codec = codec;
    }

    void clear()
    {
        size = 0;
    }

    /** Decode the next record of this side into the pool. */
    @SuppressWarnings("unchecked")
    void decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (size == records.length)
        {
            records = Arrays.copyOf(records, size * 2);
            timestamps = Arrays.copyOf(timestamps, size * 2);
        }
        if (records[size] == null)
        {
            records[size] = codec.newInstance();
        }
        codec.decode(buffer, offset, length, (T)records[size]);
        size++;
    }

    /** @param timestamp the event time of the record decoded last. */
    void timestampLast(final long timestamp)
    {
        timestamps[size - 1] = timestamp;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T record(final int index)
    {
        return (T)records[Objects.checkIndex(index, size)];
    }

    @Override
    public long timestamp(final int index)
    {
        return timestamps[Objects.checkIndex(index, size)];
    }

    /** @return "[record@timestamp, ...]", for describeKey. */
    String describe()
    {
        final StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++)
        {
            text.append(i == 0 ? "" : ", ").append(records[i]).append('@').append(timestamps[i]);
        }
        return text.append(']').toString();
    }
}
