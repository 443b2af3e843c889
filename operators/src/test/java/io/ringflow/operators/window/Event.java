package io.ringflow.operators.window;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** A mutable test record: key and value, reused by operators like a real ring slot. */
final class Event
{
    long key;
    long value;

    Event()
    {
    }

    Event(final long key, final long value)
    {
        this.key = key;
        this.value = value;
    }

    long key()
    {
        return key;
    }

    long value()
    {
        return value;
    }

    Event copy()
    {
        return new Event(key, value);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Event && ((Event)o).key == key && ((Event)o).value == value;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(key) * 31 + Long.hashCode(value);
    }

    @Override
    public String toString()
    {
        return "Event(" + key + ", " + value + ")";
    }

    static final RecordCodec<Event> CODEC = new RecordCodec<>()
    {
        @Override
        public int schemaId()
        {
            return 1;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 16;
        }

        @Override
        public Event newInstance()
        {
            return new Event();
        }

        @Override
        public int encode(final Event record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.key);
            buffer.putLong(offset + 8, record.value);
            return 16;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Event into)
        {
            if (length != 16)
            {
                throw new IllegalArgumentException("Event encoding is 16 bytes, got " + length);
            }
            into.key = buffer.getLong(offset);
            into.value = buffer.getLong(offset + 8);
        }
    };
}
