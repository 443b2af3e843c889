package io.ringflow.operators.stateless;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Captures everything an operator emits, in order, as immutable events. Operators reuse their
 * records, so a {@link Box} is copied on capture and a {@link Rejected} is flattened.
 */
final class RecordingOutput<T> implements Output<T>
{
    interface Event
    {
    }

    record Emitted(Object record, long timestamp) implements Event
    {
    }

    record Watermark(long watermark) implements Event
    {
    }

    record Idle() implements Event
    {
    }

    record Side(String tag, Object record, long timestamp) implements Event
    {
    }

    record RejectedCopy(String operatorName, Object record, long timestamp, RejectReason reason, long watermark)
    {
    }

    /** A mutable record, as operators reuse them; equal by content. */
    static final class Box
    {
        long value;
        String label;

        Box()
        {
        }

        Box(final long value, final String label)
        {
            this.value = value;
            this.label = label;
        }

        Box copy()
        {
            return new Box(value, label);
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Box other && other.value == value && Objects.equals(other.label, label);
        }

        @Override
        public int hashCode()
        {
            return Long.hashCode(value) * 31 + Objects.hashCode(label);
        }

        @Override
        public String toString()
        {
            return "Box(" + value + ", " + label + ")";
        }
    }

    final List<Event> events = new ArrayList<>();

    private static Object copy(final Object record)
    {
        if (record instanceof Box box)
        {
            return box.copy();
        }
        if (record instanceof Rejected<?> rejected)
        {
            return new RejectedCopy(rejected.operatorName(), copy(rejected.record()), rejected.timestamp(),
                rejected.reason(), rejected.watermark());
        }
        return record;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        events.add(new Emitted(copy(record), timestamp));
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        events.add(new Watermark(watermark));
    }

    @Override
    public void emitIdle()
    {
        events.add(new Idle());
    }

    @Override
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        events.add(new Side(tag.name(), copy(record), timestamp));
    }

    void clear()
    {
        events.clear();
    }
}
