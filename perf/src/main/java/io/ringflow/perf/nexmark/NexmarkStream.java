package io.ringflow.perf.nexmark;

/**
 * A pre-generated cycle of Nexmark events replayed without end, so that a benchmark measures the query,
 * not the generator. The cycle is stored column by column in primitive arrays; {@link #next} fills the one
 * reused {@link NexmarkEvent} from them. After the last event the cursor wraps and every id and time moves
 * on by what one cycle covers:
 * <pre>
 *   cycle c: person ids + c * peoplePerCycle, auction ids + c * auctionsPerCycle,
 *            dateTime and expires + c * cycleSpanMs
 * </pre>
 * which is exactly what the generator would have produced next apart from the random choices, so ids stay
 * fresh, the hot auction keeps moving, and events stay within the generator's out-of-orderness bound across
 * the wrap (the cycle is a whole number of proportion cycles and of milliseconds).
 * <p>
 * Threading: not thread-safe; one thread calls {@link #next}. Allocates nothing per event.
 */
public final class NexmarkStream implements EventSource
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
    private final long peoplePerCycle;
    private final long auctionsPerCycle;
    private final long cycleSpanMs;
    private int cursor;
    private long personOffset;
    private long auctionOffset;
    private long timeOffset;

    /**
     * Generate one cycle.
     *
     * @param generator a fresh generator (no event taken yet).
     * @param events    events per cycle: a multiple of {@value NexmarkGenerator#PROPORTION_DENOMINATOR} whose
     *                  nominal span is a whole number of milliseconds.
     */
    public NexmarkStream(final NexmarkGenerator generator, final int events)
    {
        final long spanUs = events * generator.interEventDelayUs();
        if (generator.events() != 0 || events <= 0 || events % NexmarkGenerator.PROPORTION_DENOMINATOR != 0 ||
            spanUs % 1000 != 0)
        {
            throw new IllegalArgumentException("need a fresh generator and a cycle of a multiple of " +
                NexmarkGenerator.PROPORTION_DENOMINATOR + " events spanning whole milliseconds, got " + events +
                " events of " + generator.interEventDelayUs() + " us");
        }
        kinds = new byte[events];
        ids = new long[events];
        persons = new long[events];
        prices = new long[events];
        categories = new byte[events];
        reserves = new long[events];
        expires = new long[events];
        dateTimes = new long[events];
        final NexmarkEvent event = new NexmarkEvent();
        for (int i = 0; i < events; i++)
        {
            dateTimes[i] = generator.next(event);
            kinds[i] = (byte)event.kind().ordinal();
            ids[i] = event.kind() == NexmarkEvent.Kind.PERSON ? event.id() : event.auction();
            persons[i] = event.person();
            prices[i] = event.price();
            categories[i] = (byte)event.category();
            reserves[i] = event.reserve();
            expires[i] = event.expires();
        }
        peoplePerCycle = events / NexmarkGenerator.PROPORTION_DENOMINATOR;
        auctionsPerCycle = peoplePerCycle * NexmarkGenerator.AUCTION_PROPORTION;
        cycleSpanMs = spanUs / 1000;
    }

    @Override
    public long next(final NexmarkEvent event)
    {
        final int i = cursor;
        final long dateTime = dateTimes[i] + timeOffset;
        switch (kinds[i])
        {
            case PERSON:
                event.setPerson(ids[i] + personOffset, dateTime);
                break;
            case AUCTION:
                event.setAuction(ids[i] + auctionOffset, persons[i] + personOffset, prices[i], categories[i],
                    reserves[i], expires[i] + timeOffset, dateTime);
                break;
            case BID:
                event.setBid(ids[i] + auctionOffset, persons[i] + personOffset, prices[i], dateTime);
                break;
            default:
                throw new IllegalStateException("corrupt kind " + kinds[i] + " at " + i);
        }
        if (++cursor == kinds.length)
        {
            cursor = 0;
            personOffset += peoplePerCycle;
            auctionOffset += auctionsPerCycle;
            timeOffset += cycleSpanMs;
        }
        return dateTime;
    }

    /** @return events per cycle. */
    public int cycleLength()
    {
        return kinds.length;
    }

    /** @return the nominal event time one cycle covers, ms. */
    public long cycleSpanMs()
    {
        return cycleSpanMs;
    }
}
