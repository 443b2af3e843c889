package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkColumns;
import io.ringflow.perf.nexmark.NexmarkEvent;

/**
 * A run's input, generated once and held column by column in primitive arrays (about 50 bytes an event: 100 MB
 * for 2M events), so that both engines read the very same events, any number of times, without paying for
 * generating them: Ringflow through a {@link #cursor()}, Flink's source by index ({@link #fill}).
 * <p>
 * Threading: immutable once built; any number of threads may read it at once.
 */
final class EventArray
{
    private final NexmarkColumns columns;

    /**
     * Generate the input's events.
     *
     * @param input the events; at most {@code Integer.MAX_VALUE - 8} of them.
     */
    EventArray(final NexmarkInput input)
    {
        if (input.events() > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException("too many events to hold: " + input.events());
        }
        columns = new NexmarkColumns(input.newStream(), (int)input.events());
    }

    /** @return events held. */
    int size()
    {
        return columns.size();
    }

    /**
     * @param index an event's position, from 0.
     * @param event overwritten with that event.
     * @return {@code event}.
     */
    NexmarkEvent fill(final int index, final NexmarkEvent event)
    {
        columns.fill(index, event, 0, 0, 0);
        return event;
    }

    /** @return a source reading the events from the first, once; it allocates nothing per event. */
    EventSource cursor()
    {
        return new EventSource()
        {
            private int next;

            @Override
            public long next(final NexmarkEvent event)
            {
                return fill(next++, event).dateTime();
            }
        };
    }
}
