package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.pipeline.Sink;

import java.util.Map;

/**
 * Routes a stage's side-output records to the sinks registered for their tags, on the stage thread.
 * Records on a tag with no sink are counted, never lost without trace; late records (rejections for
 * {@link RejectReason#LATE}) are counted whether routed or not.
 */
final class SideOutputs
{
    static final SideOutputs NONE = new SideOutputs(Map.of());

    private final OutputTag<?>[] tags;
    private final Sink<?>[] sinks;
    private long unrouted;
    private long late;

    SideOutputs(final Map<OutputTag<?>, Sink<?>> routes)
    {
        tags = routes.keySet().toArray(new OutputTag<?>[0]);
        sinks = new Sink<?>[tags.length];
        for (int i = 0; i < tags.length; i++)
        {
            sinks[i] = routes.get(tags[i]);
        }
    }

    @SuppressWarnings("unchecked")
    <S> void route(final OutputTag<S> tag, final S record, final long timestamp)
    {
        if (record instanceof Rejected && RejectReason.LATE == ((Rejected<?>)record).reason())
        {
            late++;
        }
        for (int i = 0; i < tags.length; i++)
        {
            if (tags[i] == tag || tags[i].equals(tag))
            {
                ((Sink<S>)sinks[i]).onRecord(record, timestamp);
                return;
            }
        }
        unrouted++;
    }

    void endOfBatch()
    {
        for (final Sink<?> sink : sinks)
        {
            sink.onEndOfBatch();
        }
    }

    void endOfStream()
    {
        for (final Sink<?> sink : sinks)
        {
            sink.onEndOfStream();
        }
    }

    /** @return side-output records whose tag had no sink. */
    long unrouted()
    {
        return unrouted;
    }

    /** @return late records seen on any side output. */
    long late()
    {
        return late;
    }
}
