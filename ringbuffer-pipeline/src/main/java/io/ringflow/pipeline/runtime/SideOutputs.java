package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.pipeline.SequencedSink;
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
    /** The sink at the same index as a {@link SequencedSink}, or null: it receives idempotency keys. */
    private final SequencedSink<?>[] sequencedSinks;
    private final OutputKeys[] keys;
    private StageOutput<?> stageOutput;
    private long unrouted;
    private long late;

    SideOutputs(final Map<OutputTag<?>, Sink<?>> routes)
    {
        tags = routes.keySet().toArray(new OutputTag<?>[0]);
        sinks = new Sink<?>[tags.length];
        sequencedSinks = new SequencedSink<?>[tags.length];
        keys = new OutputKeys[tags.length];
        for (int i = 0; i < tags.length; i++)
        {
            sinks[i] = routes.get(tags[i]);
            if (sinks[i] instanceof SequencedSink)
            {
                sequencedSinks[i] = (SequencedSink<?>)sinks[i];
                keys[i] = new OutputKeys();
            }
        }
    }

    /**
     * @param output the stage output whose current input sequence keys side outputs for sequenced sinks.
     */
    void keysFrom(final StageOutput<?> output)
    {
        this.stageOutput = output;
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
                if (null == sequencedSinks[i])
                {
                    ((Sink<S>)sinks[i]).onRecord(record, timestamp);
                }
                else
                {
                    final long sequence = stageOutput.sequence;
                    ((SequencedSink<S>)sequencedSinks[i]).onRecord(record, timestamp, sequence, keys[i].next(sequence));
                }
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
