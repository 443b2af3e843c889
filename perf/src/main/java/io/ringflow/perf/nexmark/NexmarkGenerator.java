package io.ringflow.perf.nexmark;

import java.util.SplittableRandom;

/**
 * A deterministic, seeded Nexmark event generator: the same seed and settings give the same events, in
 * the same order, every time. It fills one reused {@link NexmarkEvent} per call and allocates nothing
 * per event (prices use {@link Math#pow}, so pre-generate with {@link NexmarkStream} where the
 * generator's own cost should not be measured).
 * <p>
 * <b>Proportions.</b> Event number {@code n} is placed by {@code n % 50}: 0 is a person, 1 to 3 are
 * auctions, 4 to 49 are bids, so every 50 events hold 1 person, 3 auctions and 46 bids (Nexmark's
 * standard 1 : 3 : 46). People and auctions are numbered from {@value #FIRST_PERSON_ID} and
 * {@value #FIRST_AUCTION_ID} in order of creation.
 * <p>
 * <b>Skew.</b> "Hot" ids follow the Beam/Flink Nexmark generator's rule: the hot auction is the newest
 * auction whose 0-based number is a multiple of {@value #HOT_ID_STRIDE} (so it changes every 100
 * auctions, about 1,667 events), and likewise the hot person. A ratio {@code r} makes an id hot with
 * probability {@code 1 - 1/r}:
 * <ul>
 * <li>a bid's auction: hot with probability 1/2 ({@value #HOT_AUCTION_RATIO}), else uniform over the
 *     {@value #IN_FLIGHT_AUCTIONS} newest auctions;</li>
 * <li>a bid's bidder: hot with probability 3/4 ({@value #HOT_BIDDER_RATIO}), else uniform over the
 *     {@value #ACTIVE_PEOPLE} newest people;</li>
 * <li>an auction's seller: hot with probability 3/4 ({@value #HOT_SELLER_RATIO}), else as a bidder.</li>
 * </ul>
 * <b>Values.</b> Prices (bids, initial bids, and the reserve's margin over the initial bid) are
 * log-uniform from $1 to $1M, in cents: {@code round(10^(6u) * 100)}, {@code u} uniform in [0, 1).
 * Categories are uniform over {@value #FIRST_CATEGORY_ID} to {@value #FIRST_CATEGORY_ID} + 4. An auction
 * expires 10 to 20 s (uniform) after its event time.
 * <p>
 * <b>Time.</b> Event {@code n}'s nominal time is {@code firstEventTimeMs + n * interEventDelayUs / 1000}
 * (integer ms). Its {@code dateTime} lags that by a uniform 0 to {@code maxOutOfOrderMs}: events are
 * delivered in generation order, so they arrive up to {@code maxOutOfOrderMs} out of event-time order, and
 * a bounded out-of-orderness watermark of that bound ({@code maxSeen - bound - 1}) never makes one late.
 * The default bound is Nexmark's usual 4 s.
 * <p>
 * Threading: not thread-safe; one thread calls {@link #next}.
 */
public final class NexmarkGenerator implements EventSource
{
    /** Events per proportion cycle: 1 person, 3 auctions, 46 bids. */
    public static final int PROPORTION_DENOMINATOR = 50;
    /** Auctions per proportion cycle. */
    public static final int AUCTION_PROPORTION = 3;
    /** Bids per proportion cycle. */
    public static final int BID_PROPORTION = 46;
    /** The first person's id. */
    public static final long FIRST_PERSON_ID = 1_000;
    /** The first auction's id. */
    public static final long FIRST_AUCTION_ID = 1_000;
    /** The lowest category. */
    public static final long FIRST_CATEGORY_ID = 10;
    /** Nexmark's usual watermark bound, and the default out-of-order delay: 4 s. */
    public static final long DEFAULT_MAX_OUT_OF_ORDER_MS = 4_000;
    /** 10,000 events per second of event time (the Beam generator's default first event rate). */
    public static final long DEFAULT_INTER_EVENT_DELAY_US = 100;
    /** The default time of event 0, ms. */
    public static final long DEFAULT_FIRST_EVENT_TIME_MS = 1_000_000;

    static final int HOT_ID_STRIDE = 100;
    static final int HOT_AUCTION_RATIO = 2;
    static final int HOT_BIDDER_RATIO = 4;
    static final int HOT_SELLER_RATIO = 4;
    static final int IN_FLIGHT_AUCTIONS = 100;
    static final int ACTIVE_PEOPLE = 1_000;
    static final int CATEGORIES = 5;
    static final long MIN_AUCTION_LENGTH_MS = 10_000;

    private final SplittableRandom random;
    private final long interEventDelayUs;
    private final long maxOutOfOrderMs;
    private final long firstEventTimeMs;
    private long eventNumber;
    private long people;
    private long auctions;

    /**
     * @param seed              the random seed.
     * @param interEventDelayUs event-time distance between consecutive events, microseconds; at least 1.
     * @param maxOutOfOrderMs   how far an event's time may lag its nominal time, ms; 0 for in-order.
     * @param firstEventTimeMs  nominal time of event 0, ms.
     */
    public NexmarkGenerator(
        final long seed, final long interEventDelayUs, final long maxOutOfOrderMs, final long firstEventTimeMs)
    {
        if (interEventDelayUs < 1 || maxOutOfOrderMs < 0)
        {
            throw new IllegalArgumentException("inter-event delay must be >= 1 us and out-of-orderness >= 0 ms, were " +
                interEventDelayUs + " us and " + maxOutOfOrderMs + " ms");
        }
        this.random = new SplittableRandom(seed);
        this.interEventDelayUs = interEventDelayUs;
        this.maxOutOfOrderMs = maxOutOfOrderMs;
        this.firstEventTimeMs = firstEventTimeMs;
    }

    /**
     * @param seed the random seed.
     * @return a generator with the defaults: 10,000 events/s, up to 4 s out of order.
     */
    public static NexmarkGenerator standard(final long seed)
    {
        return new NexmarkGenerator(seed, DEFAULT_INTER_EVENT_DELAY_US, DEFAULT_MAX_OUT_OF_ORDER_MS,
            DEFAULT_FIRST_EVENT_TIME_MS);
    }

    @Override
    public long next(final NexmarkEvent event)
    {
        final long n = eventNumber++;
        final long dateTime = firstEventTimeMs + n * interEventDelayUs / 1000 - random.nextLong(maxOutOfOrderMs + 1);
        final int slot = (int)(n % PROPORTION_DENOMINATOR);
        if (slot == 0)
        {
            event.setPerson(FIRST_PERSON_ID + people++, dateTime);
        }
        else if (slot <= AUCTION_PROPORTION)
        {
            final long seller = pickPerson(HOT_SELLER_RATIO);
            final long initialBid = price();
            event.setAuction(FIRST_AUCTION_ID + auctions++, seller, initialBid, FIRST_CATEGORY_ID + random.nextInt(CATEGORIES),
                initialBid + price(), dateTime + MIN_AUCTION_LENGTH_MS + random.nextLong(MIN_AUCTION_LENGTH_MS), dateTime);
        }
        else
        {
            event.setBid(pickAuction(), pickPerson(HOT_BIDDER_RATIO), price(), dateTime);
        }
        return dateTime;
    }

    /** @return events generated so far. */
    public long events()
    {
        return eventNumber;
    }

    /** @return the nominal event-time distance between consecutive events, microseconds. */
    public long interEventDelayUs()
    {
        return interEventDelayUs;
    }

    // Bids come after the cycle's person and auctions (slots 4 to 49), so there is always one of each.
    private long pickAuction()
    {
        final long newest = auctions - 1;
        final long base0 = random.nextInt(HOT_AUCTION_RATIO) > 0 ?
            hot(newest) : newest - random.nextLong(Math.min(auctions, IN_FLIGHT_AUCTIONS));
        return FIRST_AUCTION_ID + base0;
    }

    private long pickPerson(final int hotRatio)
    {
        final long newest = people - 1;
        final long base0 = random.nextInt(hotRatio) > 0 ?
            hot(newest) : newest - random.nextLong(Math.min(people, ACTIVE_PEOPLE));
        return FIRST_PERSON_ID + base0;
    }

    private static long hot(final long newestBase0)
    {
        return newestBase0 / HOT_ID_STRIDE * HOT_ID_STRIDE;
    }

    private long price()
    {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }
}
