package io.ringflow.perf.nexmark;

/**
 * Nexmark events held column by column in primitive arrays (about 50 bytes an event), filled once from a
 * source and read back by position into one reused {@link NexmarkEvent}, optionally with person ids,
 * auction ids and times moved on by given offsets ({@link NexmarkStream}'s cycles).
 * <p>
 * Threading: filled by its constructor; immutable after, so any number of threads may read it at once.
 * Allocates nothing per event.
 */
public final class NexmarkColumns
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
     * @param source where the events come from.
     * @param size   how many to take from it.
     */
    public NexmarkColumns(final EventSource source, final int size)
    {
        kinds = new byte[size];
        ids = new long[size];
        persons = new long[size];
        prices = new long[size];
        categories = new byte[size];
        reserves = new long[size];
        expires = new long[size];
        dateTimes = new long[size];
        final NexmarkEvent event = new NexmarkEvent();
        for (int i = 0; i < size; i++)
        {
            dateTimes[i] = source.next(event);
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
    public int size()
    {
        return kinds.length;
    }

    /**
     * @param index         an event's position, from 0.
     * @param event         overwritten with that event.
     * @param personOffset  added to person ids.
     * @param auctionOffset added to auction ids.
     * @param timeOffset    added to the event time and an auction's expiry, ms.
     * @return its event time, ms.
     */
    public long fill(
        final int index, final NexmarkEvent event, final long personOffset, final long auctionOffset, final long timeOffset)
    {
        final long dateTime = dateTimes[index] + timeOffset;
        switch (kinds[index])
        {
            case PERSON:
                event.setPerson(ids[index] + personOffset, dateTime);
                break;
            case AUCTION:
                event.setAuction(ids[index] + auctionOffset, persons[index] + personOffset, prices[index],
                    categories[index], reserves[index], expires[index] + timeOffset, dateTime);
                break;
            case BID:
                event.setBid(ids[index] + auctionOffset, persons[index] + personOffset, prices[index], dateTime);
                break;
            default:
                throw new IllegalStateException("corrupt kind " + kinds[index] + " at " + index);
        }
        return dateTime;
    }
}
