package io.ringflow.examples.market;

import java.util.SplittableRandom;

/**
 * A seeded, deterministic stream of quotes and trades over {@code instruments} instruments, with the
 * shape of a real feed where it matters to the analytics:
 * <ul>
 *   <li><b>Skewed activity.</b> The instrument of each event is {@code floor(u² × instruments)} for a
 *   uniform {@code u}: instrument 0 gets about {@code 1/sqrt(instruments)} of the traffic (2% of it for
 *   2,000), the quietest {@code 1/(2 × instruments)} of it (some 25 events a second at 100k events/s).</li>
 *   <li><b>Prices</b> are {@code long} ticks, 5,000 to 50,000 to start. Each quote moves its instrument's
 *   price by a tick, one time in ten, and one quote in {@value #JUMP_ODDS} jumps it 60 to 150 bp (what the
 *   move alerts should catch). A quote is {@code price ± halfSpread} (1 to 3 ticks: under 13 bp at the starting
 *   prices), and one in {@value #WIDE_QUOTE_ODDS} is a wide one, about 30 to 88 bp.</li>
 *   <li><b>Trades</b> are a quarter of the events, at the bid, the ask or the price, for 100 to 1,000
 *   shares; one in {@value #TRADE_THROUGH_ODDS} prints 1 to 5 ticks outside the quote. An instrument is
 *   quoted before it first trades.</li>
 *   <li><b>Event time</b> advances {@value #EVENT_STEP_US} µs per event whatever the offered rate (so at
 *   100k events/s it keeps pace with the wall clock), and each event's time is set back by up to {@value #MAX_JITTER_US} µs:
 *   mild out-of-order arrival, never beyond that bound.</li>
 * </ul>
 * The same seed gives the same stream at any replay speed. Single-threaded; allocates nothing per event.
 */
public final class MarketGenerator
{
    /** Event time per event, µs. */
    public static final long EVENT_STEP_US = 10;
    /** The most an event's time lags the generator's event clock, µs. */
    public static final long MAX_JITTER_US = 1_000;
    static final int JUMP_ODDS = 10_000;
    static final int WIDE_QUOTE_ODDS = 400;
    static final int TRADE_THROUGH_ODDS = 1_000;
    /** 2023-11-14T22:13:20Z in µs: event times look like epoch times. */
    private static final long START_US = 1_700_000_000_000_000L;
    private static final long MIN_PRICE_TICKS = 1_000;

    private final SplittableRandom random;
    private final int instruments;
    private final long[] priceTicks;
    private final long[] halfSpreadTicks;
    private final long[] bidTicks;
    private final long[] askTicks;
    private long clockUs = START_US;
    private long generated;
    private long nextTradeId = 1;

    /**
     * @param seed        stream seed.
     * @param instruments distinct instruments, {@code >= 1}.
     */
    public MarketGenerator(final long seed, final int instruments)
    {
        if (instruments < 1)
        {
            throw new IllegalArgumentException("instruments must be >= 1, was " + instruments);
        }
        this.random = new SplittableRandom(seed);
        this.instruments = instruments;
        this.priceTicks = new long[instruments];
        this.halfSpreadTicks = new long[instruments];
        this.bidTicks = new long[instruments];
        this.askTicks = new long[instruments];
        for (int i = 0; i < instruments; i++)
        {
            priceTicks[i] = 5_000 + random.nextInt(45_001);
            halfSpreadTicks[i] = 1 + random.nextInt(3);
        }
    }

    /**
     * Fill {@code into} with the next event.
     *
     * @param into the reused record (a ring slot).
     */
    public void next(final MarketEvent into)
    {
        generated++;
        clockUs += EVENT_STEP_US;
        final double u = random.nextDouble();
        final int instrument = (int)(u * u * instruments);
        final long timeUs = clockUs - random.nextLong(MAX_JITTER_US + 1);
        if (0 == bidTicks[instrument] || 0 != random.nextInt(4))
        {
            quote(instrument, timeUs, into);
        }
        else
        {
            trade(instrument, timeUs, into);
        }
    }

    private void quote(final int instrument, final long timeUs, final MarketEvent into)
    {
        long price = priceTicks[instrument];
        final int step = random.nextInt(20);
        if (0 == step)
        {
            price--;
        }
        else if (1 == step)
        {
            price++;
        }
        if (0 == random.nextInt(JUMP_ODDS))
        {
            final long jump = price * (60 + random.nextInt(91)) / 10_000;
            price += random.nextBoolean() ? jump : -jump;
        }
        price = Math.max(MIN_PRICE_TICKS, price);
        priceTicks[instrument] = price;
        final long half = 0 == random.nextInt(WIDE_QUOTE_ODDS) ?
            Math.max(1, price * (15 + random.nextInt(30)) / 10_000) : halfSpreadTicks[instrument];
        bidTicks[instrument] = price - half;
        askTicks[instrument] = price + half;
        into.quote(instrument, timeUs, bidTicks[instrument], askTicks[instrument]);
    }

    private void trade(final int instrument, final long timeUs, final MarketEvent into)
    {
        final long bid = bidTicks[instrument];
        final long ask = askTicks[instrument];
        final int side = random.nextInt(3);
        long price = 0 == side ? bid : 1 == side ? ask : priceTicks[instrument];
        if (0 == random.nextInt(TRADE_THROUGH_ODDS))
        {
            final long through = 1 + random.nextInt(5);
            price = random.nextBoolean() ? ask + through : bid - through;
        }
        into.trade(instrument, timeUs, price, 100L * (1 + random.nextInt(10)), nextTradeId++);
    }

    /** @return the event clock: the newest event time generated so far, µs. */
    public long eventClockUs()
    {
        return clockUs;
    }

    /** @return events generated so far. */
    public long generated()
    {
        return generated;
    }
}
