package io.ringflow.perf.journal;

import java.util.BitSet;

/**
 * A {@link PaymentWorkload}'s first {@code records} payments, generated once into three arrays so that a
 * producer on a measured path pays for reading them, not for the random generator, and so that every
 * journal mode gets the very same input. 24 bytes a payment: 24 MB per million.
 * <p>
 * Threading: filled at construction, then read-only; any thread may read it.
 */
final class PaymentBatch
{
    private final int keys;
    private final long[] cards;
    private final long[] timesMs;
    private final long[] amounts;

    /**
     * @param keys    distinct cards (a multiple of 10, see {@link PaymentWorkload}).
     * @param seed    the workload's seed.
     * @param records how many payments.
     */
    PaymentBatch(final int keys, final long seed, final int records)
    {
        this.keys = keys;
        cards = new long[records];
        timesMs = new long[records];
        amounts = new long[records];
        final PaymentWorkload workload = new PaymentWorkload(keys, seed);
        final Payment payment = new Payment();
        for (int i = 0; i < records; i++)
        {
            workload.next(payment);
            cards[i] = payment.card();
            timesMs[i] = payment.timeMs();
            amounts[i] = payment.amount();
        }
    }

    /** @return payments in the batch. */
    int size()
    {
        return cards.length;
    }

    /**
     * @param index which payment, 0 to {@link #size()} - 1.
     * @param into  overwritten with it: one reused instance, as a ring slot is.
     * @return {@code into}.
     */
    Payment copy(final int index, final Payment into)
    {
        return into.set(cards[index], timesMs[index], amounts[index]);
    }

    /** @return the sum of every payment's amount: what the sum aggregates of a full run add up to. */
    long amountSum()
    {
        long sum = 0;
        for (final long amount : amounts)
        {
            sum += amount;
        }
        return sum;
    }

    /**
     * The results a keyed tumbling window over these payments must emit, none of them late (the workload's
     * out-of-orderness stays within {@link PaymentWorkload#OUT_OF_ORDER_MS}).
     *
     * @param windowMs the window size.
     * @return one per (card, window) that holds a payment.
     */
    long distinctCardWindows(final long windowMs)
    {
        final long firstWindow = Math.floorDiv(PaymentWorkload.FIRST_MS - PaymentWorkload.OUT_OF_ORDER_MS, windowMs);
        final BitSet seen = new BitSet();
        for (int i = 0; i < cards.length; i++)
        {
            final long window = Math.floorDiv(timesMs[i], windowMs) - firstWindow;
            seen.set(Math.toIntExact(window * keys + cards[i]));
        }
        return seen.cardinality();
    }
}
