package io.ringflow.perf.journal;

import java.util.SplittableRandom;

/**
 * A seeded stream of payments over {@code keys} cards, the same on every run: cards drawn uniformly, event
 * time one millisecond per {@code keys / 10} payments (so a card recurs about every 10 ms) and each
 * payment up to {@value #OUT_OF_ORDER_MS} ms into the past, amounts 0 to 999. With a bounded
 * out-of-orderness watermark of {@value #OUT_OF_ORDER_MS} ms no payment is ever late.
 */
final class PaymentWorkload
{
    /** Event time of the first payment, milliseconds: a multiple of every window size used. */
    static final long FIRST_MS = 1_000_000;
    /** How far back a payment's time may be; the watermark bound that makes none late. */
    static final long OUT_OF_ORDER_MS = 5;

    private final int keys;
    private final int paymentsPerMs;
    private final SplittableRandom random;
    private long count;

    /**
     * @param keys distinct cards, a multiple of 10.
     * @param seed the stream's seed.
     */
    PaymentWorkload(final int keys, final long seed)
    {
        this.keys = keys;
        this.paymentsPerMs = Math.max(1, keys / 10);
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param into overwritten with the next payment.
     * @return {@code into}.
     */
    Payment next(final Payment into)
    {
        final long n = count++;
        final long timeMs = FIRST_MS + n / paymentsPerMs - random.nextLong(OUT_OF_ORDER_MS + 1);
        return into.set(random.nextInt(keys), timeMs, random.nextInt(1_000));
    }

    /** @return payments generated so far. */
    long count()
    {
        return count;
    }
}
