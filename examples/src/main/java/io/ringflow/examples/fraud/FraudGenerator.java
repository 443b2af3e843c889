package io.ringflow.examples.fraud;

import org.agrona.collections.LongArrayList;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic stream of card events with the awkward parts of real traffic, and injected
 * fraud to catch:
 * <ul>
 *   <li>first, one profile per card (the changelog's bootstrap: home countries, 46% in the first: 40% outright, and a tenth of the rest drawn from all ten);
 *       then 0.5% profile changes (a card moves home) and 0.01% closures (profile deletes);</li>
 *   <li>payments with skewed activity (5% of cards make 20% of payments), amounts mostly small with a
 *       long tail up to 2,000.00, 0.005% abroad;</li>
 *   <li>arrival out of event-time order within 300 ms, and 0.1% very late (30 to 90 s);</li>
 *   <li>1% duplicates (a retried payment re-sent as it was) and 0.02% malformed events (an unknown kind,
 *       a negative card, a non-positive amount, a country out of range, a time in seconds not ms);</li>
 *   <li>every {@value #SCENARIO_EVERY} events, a compromised card (up to {@value #MAX_ACTIVE} at once): a
 *       payment at home, then {@value #SCENARIO_PAYMENTS} abroad, one every 3 s of event time, the
 *       {@value #SPIKE_AT}th of them thousands — which trips all three rules.</li>
 * </ul>
 * Event time advances by 60,000 / cards ms per event, so an average card pays about once a minute,
 * independently of wall time: the same seed gives the same stream at any rate. Single-threaded;
 * allocates nothing per event (the list of compromised cards grows once per scenario).
 */
public final class FraudGenerator
{
    /** Events between two compromised cards. */
    public static final int SCENARIO_EVERY = 20_000;
    /** Foreign payments of one compromised card. */
    public static final int SCENARIO_PAYMENTS = 20;
    /** Which of them is the big one. */
    public static final int SPIKE_AT = 12;
    /** Compromised cards active at once, at most. */
    public static final int MAX_ACTIVE = 16;
    /** Event time of the first event: 2023-11-14T22:13:20Z. */
    public static final long START_TIME_MS = 1_700_000_000_000L;

    private static final int[] COUNTRIES = {276, 250, 826, 380, 724, 528, 56, 40, 756, 616, 840, 124, 392, 36, 76};
    private static final int HOME_COUNTRIES = 10;
    private static final long SCENARIO_SPACING_MS = 3_000;
    private static final int RECENT = 64;

    private final SplittableRandom random;
    private final int cards;
    private final int frequentCards;
    private final double stepMs;
    private final int[] homeCountry;
    private final CardEvent[] recent = new CardEvent[RECENT];
    private final long[] scenarioCard = new long[MAX_ACTIVE];
    private final int[] scenarioCountry = new int[MAX_ACTIVE];
    private final int[] scenarioSent = new int[MAX_ACTIVE];
    private final long[] scenarioNextMs = new long[MAX_ACTIVE];
    private final LongArrayList scenarioCards = new LongArrayList();
    private final LongArrayList completedScenarioCards = new LongArrayList();
    private double clockMs = START_TIME_MS;
    private long generated;
    private long payments;
    private long nextEventId = 1;
    private long malformed;

    /**
     * @param seed  the stream's seed.
     * @param cards distinct cards, at least 100.
     */
    public FraudGenerator(final long seed, final int cards)
    {
        if (cards < 100)
        {
            throw new IllegalArgumentException("cards must be >= 100, was " + cards);
        }
        this.random = new SplittableRandom(seed);
        this.cards = cards;
        this.frequentCards = cards / 20;
        this.stepMs = 60_000.0 / cards;
        this.homeCountry = new int[cards];
        for (int i = 0; i < RECENT; i++)
        {
            recent[i] = new CardEvent();
        }
        Arrays.fill(scenarioCard, -1);
    }

    /**
     * Fill {@code into} with the next event.
     *
     * @param into the reused record.
     */
    public void next(final CardEvent into)
    {
        clockMs += stepMs;
        final long now = (long)clockMs;
        if (generated < cards)
        {
            final int card = (int)generated++;
            homeCountry[card] = random.nextInt(10) < 4 ? COUNTRIES[0] : COUNTRIES[random.nextInt(HOME_COUNTRIES)];
            into.set(CardEvent.PROFILE_UPSERT, nextEventId++, card, 0, homeCountry[card], 0, now - random.nextInt(300));
            return;
        }
        generated++;
        if (generated % SCENARIO_EVERY == 0)
        {
            startScenario(now);
        }
        if (nextScenarioPayment(now, into))
        {
            return;
        }
        final int dice = random.nextInt(100_000);
        if (dice < 20)
        {
            payment(now, into);
            corrupt(into);
        }
        else if (dice < 520)
        {
            final int card = random.nextInt(cards);
            homeCountry[card] = COUNTRIES[random.nextInt(HOME_COUNTRIES)];
            into.set(CardEvent.PROFILE_UPSERT, nextEventId++, card, 0, homeCountry[card], 0, now - random.nextInt(300));
        }
        else if (dice < 530)
        {
            into.set(CardEvent.PROFILE_DELETE, nextEventId++, random.nextInt(cards), 0, 0, 0, now - random.nextInt(300));
        }
        else if (dice < 1530 && payments > RECENT)
        {
            into.copyFrom(recent[random.nextInt(RECENT)]);   // a retry: the same payment again
        }
        else
        {
            payment(now, into);
            remember(into);
        }
    }

    private void payment(final long now, final CardEvent into)
    {
        final int card = random.nextInt(5) == 0 ? random.nextInt(frequentCards) : random.nextInt(cards);
        final int country = random.nextInt(20_000) == 0 ? foreignTo(homeCountry[card]) : homeCountry[card];
        final long amount = 100 + (long)(random.nextDouble() * random.nextDouble() * 200_000);
        final long time = random.nextInt(1_000) == 0 ? now - 30_000 - random.nextInt(60_000) : now - random.nextInt(300);
        into.set(CardEvent.PAYMENT, nextEventId++, card, 1 + random.nextInt(50_000), country, amount, time);
    }

    private void corrupt(final CardEvent event)
    {
        malformed++;
        switch (random.nextInt(5))
        {
            case 0:
                event.kind = 9;
                break;
            case 1:
                event.cardId = -event.cardId - 1;
                break;
            case 2:
                event.amountCents = -event.amountCents;
                break;
            case 3:
                event.country = 1_000 + random.nextInt(1_000);
                break;
            default:
                event.eventTimeMs = event.eventTimeMs / 1_000;   // seconds where milliseconds belong
        }
    }

    private void remember(final CardEvent payment)
    {
        recent[(int)(payments++ % RECENT)].copyFrom(payment);
    }

    private void startScenario(final long now)
    {
        for (int slot = 0; slot < MAX_ACTIVE; slot++)
        {
            if (scenarioCard[slot] < 0)
            {
                final int card = frequentCards + random.nextInt(cards - frequentCards);
                scenarioCard[slot] = card;
                scenarioCountry[slot] = foreignTo(homeCountry[card]);
                scenarioSent[slot] = 0;
                scenarioNextMs[slot] = now;
                scenarioCards.addLong(card);
                return;
            }
        }
    }

    private boolean nextScenarioPayment(final long now, final CardEvent into)
    {
        for (int slot = 0; slot < MAX_ACTIVE; slot++)
        {
            if (scenarioCard[slot] >= 0 && scenarioNextMs[slot] <= now)
            {
                final int card = (int)scenarioCard[slot];
                final int sent = scenarioSent[slot]++;
                final int country = 0 == sent ? homeCountry[card] : scenarioCountry[slot];
                final long amount = SPIKE_AT == sent ? 500_000 + random.nextInt(400_000) : 2_000 + random.nextInt(18_000);
                into.set(CardEvent.PAYMENT, nextEventId++, card, 1 + random.nextInt(50_000), country, amount, now);
                scenarioNextMs[slot] = now + SCENARIO_SPACING_MS;
                if (scenarioSent[slot] > SCENARIO_PAYMENTS)
                {
                    completedScenarioCards.addLong(card);
                    scenarioCard[slot] = -1;
                }
                payments++;
                return true;
            }
        }
        return false;
    }

    private int foreignTo(final int home)
    {
        int country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        while (country == home)
        {
            country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        }
        return country;
    }

    /**
     * Skip events, as a restarted producer does to continue a journal where it ended.
     *
     * @param events how many.
     * @param scratch a record to generate into.
     */
    public void skip(final long events, final CardEvent scratch)
    {
        for (long i = 0; i < events; i++)
        {
            next(scratch);
        }
    }

    /** @return the event-time clock: about the newest event time generated so far, in ms. */
    public long eventClockMs()
    {
        return (long)clockMs;
    }

    /** @return events generated so far. */
    public long generated()
    {
        return generated;
    }

    /** @return malformed events generated so far. */
    public long malformed()
    {
        return malformed;
    }

    /** @return the cards compromised so far, in order. */
    public LongArrayList scenarioCards()
    {
        return scenarioCards;
    }

    /** @return the compromised cards whose whole scenario was generated, in order. */
    public LongArrayList completedScenarioCards()
    {
        return completedScenarioCards;
    }
}
