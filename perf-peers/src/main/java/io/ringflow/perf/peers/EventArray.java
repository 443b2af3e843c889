package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.NexmarkStream;

/**
 * A run's input, generated once and held column by column in primitive arrays (about 50 bytes an event: 100 MB
 * for 2M events), so that both engines read the very same events, any number of times, without paying for
 * generating them: Ringflow through a {@link #cursor()}, Flink's source by index ({@link #fill}).
 * <p>
 * Threading: immutable once built; any number of threads may read it at once.
 */
final class EventArray
{
    private static final byte PERSON = 0;
    private static final byte AUCTION = 1;
    private static final byte BID = 2;

    private final byte[] kinds;
    private final long[] ids;
    private final long[] persons;
    private final long[] prices;
    private final byte[] categories;
    private final long[] reserves;
    private final long[] expires;
    private final long[] dateTimes;

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
        final int size = (int)input.events();
        kinds = new byte[size];
        ids = new long[size];
        persons = new long[size];
        prices = new long[size];
        categories = new byte[size];
        reserves = new long[size];
        expires = new long[size];
        dateTimes = new long[size];
        final NexmarkStream stream = input.newStream();
        final NexmarkEvent event = new NexmarkEvent();
        for (int i = 0; i < size; i++)
        {
            dateTimes[i] = stream.next(event);
            kinds[i] = (byte)event.kind().ordinal();
            ids[i] = event.kind() == NexmarkEvent.Kind.PERSON ? event.id() : event.auction();
            persons[i] = event.person();
            prices[i] = event.price();
            categories[i] = (byte)event.category();
            reserves[i] = event.reserve();
            expires[i] = event.expires();
        }
    }

    /** @return events held. */
    int size()
    {
        return kinds.length;
    }

    /**
     * @param index an event's position, from 0.
     * @param event overwritten with that event.
     * @return {@code event}.
     */
    NexmarkEvent fill(final int index, final NexmarkEvent event)
    {
        final long dateTime = dateTimes[index];
        switch (kinds[index])
        {
            case PERSON:
                return event.setPerson(ids[index], dateTime);
            case AUCTION:
                return event.setAuction(ids[index], persons[index], prices[index], categories[index], reserves[index],
                    expires[index], dateTime);
            case BID:
                return event.setBid(ids[index], persons[index], prices[index], dateTime);
            default:
                throw new IllegalStateException("corrupt kind " + kinds[index] + " at " + index);
        }
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
