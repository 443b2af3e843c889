package io.ringflow.pipeline;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one sink a stage's rejections go to, handing each to the sink registered for its reason
 * ({@link Stream#rejected}); a rejection with no sink for its reason is dropped (its operator counted it).
 * It is a {@link SequencedSink} when any of those sinks is one, so that such a sink receives its
 * idempotency keys; a plain sink among them gets the record alone.
 * <p>
 * Threading: the stage's thread.
 */
class RejectionRoutes implements Sink<Rejected<?>>
{
    final Map<RejectReason, Sink<Rejected<?>>> byReason;

    RejectionRoutes(final Map<RejectReason, Sink<Rejected<?>>> byReason)
    {
        this.byReason = new EnumMap<>(byReason);
    }

    /**
     * @param byReason each reason's sink.
     * @return the router, keyed if any sink is.
     */
    static Sink<Rejected<?>> of(final Map<RejectReason, Sink<Rejected<?>>> byReason)
    {
        for (final Sink<Rejected<?>> sink : byReason.values())
        {
            if (sink instanceof SequencedSink)
            {
                return new Keyed(byReason);
            }
        }
        return new RejectionRoutes(byReason);
    }

    @Override
    public void onRecord(final Rejected<?> rejected, final long timestamp)
    {
        final Sink<Rejected<?>> sink = byReason.get(rejected.reason());
        if (null != sink)
        {
            sink.onRecord(rejected, timestamp);
        }
    }

    /** Routes with keys (the keyless form is inherited, which takes precedence over the interface's). */
    static final class Keyed extends RejectionRoutes implements SequencedSink<Rejected<?>>
    {
        Keyed(final Map<RejectReason, Sink<Rejected<?>>> byReason)
        {
            super(byReason);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onRecord(final Rejected<?> rejected, final long timestamp, final long inputSequence, final int ordinal)
        {
            final Sink<Rejected<?>> sink = byReason.get(rejected.reason());
            if (sink instanceof SequencedSink)
            {
                ((SequencedSink<Rejected<?>>)sink).onRecord(rejected, timestamp, inputSequence, ordinal);
            }
            else if (null != sink)
            {
                sink.onRecord(rejected, timestamp);
            }
        }
    }
}
