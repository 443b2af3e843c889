package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;

import java.util.Objects;

/** A mutable test record: a key, an event time, a per-key sequence number and a producer id. */
final class Event
{
    static final RecordType<Event> TYPE = RecordType.of("Event", Event::new, (from, to) -> to.set(from));
    /** Copies a producer's event into the ring slot. */
    static final RecordTranslator<Event, Event> COPY = (slot, source) -> slot.set(source);

    long key;
    long timeMs;
    long keySequence;
    long producer;

    Event set(final long key, final long timeMs, final long keySequence, final long producer)
    {
        this.key = key;
        this.timeMs = timeMs;
        this.keySequence = keySequence;
        this.producer = producer;
        return this;
    }

    Event set(final Event other)
    {
        return set(other.key, other.timeMs, other.keySequence, other.producer);
    }

    Event copy()
    {
        return new Event().set(this);
    }

    long key()
    {
        return key;
    }

    long timeMs()
    {
        return timeMs;
    }

    long keySequence()
    {
        return keySequence;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Event && ((Event)o).key == key && ((Event)o).timeMs == timeMs &&
            ((Event)o).keySequence == keySequence && ((Event)o).producer == producer;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(key, timeMs, keySequence, producer);
    }

    @Override
    public String toString()
    {
        return "Event{key=" + key + ", t=" + timeMs + ", seq=" + keySequence + ", producer=" + producer + "}";
    }
}
