package io.ringflow.perf.journal;

import io.ringflow.pipeline.RecordType;

/**
 * A card payment, three longs: the small record every journal benchmark writes and reads. One instance
 * is reused for every record, as a ring slot would be.
 */
final class Payment
{
    /** How payments are held in an ingress ring: copied field by field into a pre-allocated slot. */
    static final RecordType<Payment> TYPE = RecordType.of("Payment", Payment::new, (from, to) -> to.set(from));

    /** Encodes payments in journals. */
    static final PaymentCodec CODEC = new PaymentCodec();

    private long card;
    private long timeMs;
    private long amount;

    /** @return the card: the key of keyed benchmarks. */
    long card()
    {
        return card;
    }

    /** @return event time, milliseconds. */
    long timeMs()
    {
        return timeMs;
    }

    /** @return the amount summed by aggregates. */
    long amount()
    {
        return amount;
    }

    Payment set(final long card, final long timeMs, final long amount)
    {
        this.card = card;
        this.timeMs = timeMs;
        this.amount = amount;
        return this;
    }

    Payment set(final Payment other)
    {
        return set(other.card, other.timeMs, other.amount);
    }

    @Override
    public String toString()
    {
        return "Payment(" + card + ", " + timeMs + ", " + amount + ")";
    }
}
