package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The Flink jobs' event source: {@code DataGeneratorSource} asks for record 0, 1, 2... and this function
 * answers with that event of the run's {@link EventArray}, as a new {@link PeerEvent} (a Flink source hands
 * downstream a new object per record).
 * <p>
 * Threading: Flink's: opened, called and closed on the source task's thread.
 */
final class NexmarkEventFunction implements GeneratorFunction<Long, PeerEvent>
{
    private static final long serialVersionUID = 1L;

    private final NexmarkInput input;
    private transient EventArray events;
    private transient NexmarkEvent event;

    /** @param input the events. */
    NexmarkEventFunction(final NexmarkInput input)
    {
        this.input = input;
    }

    @Override
    public void open(final SourceReaderContext readerContext)
    {
        events = EventArrays.of(input);
        event = new NexmarkEvent();
    }

    @Override
    public PeerEvent map(final Long index)
    {
        return PeerEvent.of(events.fill(Math.toIntExact(index), event));
    }
}
