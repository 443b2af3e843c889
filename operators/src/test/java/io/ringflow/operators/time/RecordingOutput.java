package io.ringflow.operators.time;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Captures everything an operator emits, in order, as immutable events: records are copied on
 * capture because operators reuse them, and a {@link Rejected} is flattened into {@link RejectedCopy}.
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

    final List<Event> events = new ArrayList<>();
    private final UnaryOperator<Object> copier;

    RecordingOutput()
    {
        this(UnaryOperator.identity());
    }

    RecordingOutput(final UnaryOperator<Object> copier)
    {
        this.copier = copier;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        events.add(new Emitted(copier.apply(record), timestamp));
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
        final Object copy;
        if (record instanceof Rejected<?> rejected)
        {
            copy = new RejectedCopy(rejected.operatorName(), copier.apply(rejected.record()), rejected.timestamp(),
                rejected.reason(), rejected.watermark());
        }
        else
        {
            copy = copier.apply(record);
        }
        events.add(new Side(tag.name(), copy, timestamp));
    }

    List<Long> watermarks()
    {
        final List<Long> result = new ArrayList<>();
        for (final Event event : events)
        {
            if (event instanceof Watermark watermark)
            {
                result.add(watermark.watermark());
            }
        }
        return result;
    }

    List<Emitted> records()
    {
        final List<Emitted> result = new ArrayList<>();
        for (final Event event : events)
        {
            if (event instanceof Emitted emitted)
            {
                result.add(emitted);
            }
        }
        return result;
    }

    List<Side> sides()
    {
        final List<Side> result = new ArrayList<>();
        for (final Event event : events)
        {
            if (event instanceof Side side)
            {
                result.add(side);
            }
        }
        return result;
    }

    long idles()
    {
        return events.stream().filter(e -> e instanceof Idle).count();
    }

    void clear()
    {
        events.clear();
    }
}
