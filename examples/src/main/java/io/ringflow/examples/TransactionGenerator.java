package io.ringflow.examples;

import java.util.SplittableRandom;

/**
 * A seeded, deterministic stream of card payments with the awkward parts of real traffic: skewed card
 * activity (a few hot cards, many quiet ones), arrival out of event-time order, occasional very late
 * records, and duplicates (a retried payment re-sends its transaction id).
 * <p>
 * About 1% of payments come from a handful of hot cards (one in a thousand), which is what the
 * velocity rule should catch.
 * <p>
 * Event time advances by {@code eventTimeStepMs} per record on average, independent of wall time,
 * so the same seed gives the same stream at any replay speed. Single-threaded; allocates nothing per
 * record.
 */
public final class TransactionGenerator
{
    private final SplittableRandom random;
    private final int cards;
    private final int hotCards;
    private final double eventTimeStepMs;
    private final long lastDuplicateWindow = 64;
    private final long[] recentIds = new long[64];
    private final long[] recentCards = new long[64];
    private final long[] recentTimes = new long[64];
    private long generated;
    private long nextTransactionId = 1;
    private double eventClockMs;

    /**
     * @param seed            stream seed.
     * @param cards           number of distinct cards, {@code >= 1}.
     * @param eventTimeStepMs average event-time advance per record.
     */
    public TransactionGenerator(final long seed, final int cards, final double eventTimeStepMs)
    {
        if (cards < 1)
        {
            throw new IllegalArgumentException("--cards must be >= 1, was " + cards);
        }
        this.random = new SplittableRandom(seed);
        this.cards = cards;
        this.hotCards = Math.max(1, cards / 1000);
        this.eventTimeStepMs = eventTimeStepMs;
        this.eventClockMs = 1_700_000_000_000.0;
    }

    /**
     * Fill {@code into} with the next payment.
     *
     * @param into the reused record.
     */
    public void next(final CardTransaction into)
    {
        generated++;
        eventClockMs += eventTimeStepMs;
        final int slot = (int)(generated % lastDuplicateWindow);
        if (generated > lastDuplicateWindow && random.nextInt(100) == 0)
        {
            // a retry: same id, card and event time as a recent payment
            final int from = random.nextInt(recentIds.length);
            into.transactionId = recentIds[from];
            into.cardId = recentCards[from];
            into.eventTimeMs = recentTimes[from];
            into.amountCents = 100 + random.nextInt(20_000);
            into.merchantCountry = 1;
            return;
        }
        into.transactionId = nextTransactionId++;
        into.cardId = random.nextInt(100) == 0 ? random.nextInt(hotCards) : random.nextInt(cards);
        into.amountCents = 100 + (long)(random.nextDouble() * random.nextDouble() * 200_000);
        into.merchantCountry = random.nextInt(20) == 0 ? 1 + random.nextInt(40) : 1;
        final long now = (long)eventClockMs;
        final int lateness = random.nextInt(1000);
        into.eventTimeMs = lateness == 0 ? now - 30_000 - random.nextInt(60_000) : now - random.nextInt(300);
        recentIds[slot] = into.transactionId;
        recentCards[slot] = into.cardId;
        recentTimes[slot] = into.eventTimeMs;
    }

    /** @return the event-time clock: about the newest event time generated so far, in ms. */
    public long eventClockMs()
    {
        return (long)eventClockMs;
    }

    /** @return records generated so far. */
    public long generated()
    {
        return generated;
    }
}
