package io.ringflow.pipeline;

/** A mutable test transaction. */
final class Txn
{
    static final RecordType<Txn> TYPE = RecordType.of("Txn", Txn::new, (from, to) -> to.set(from));
    static final RecordTranslator<Txn, Txn> COPY = (slot, source) -> slot.set(source);

    long card;
    long timeMs;
    long amount;

    Txn set(final long card, final long timeMs, final long amount)
    {
        this.card = card;
        this.timeMs = timeMs;
        this.amount = amount;
        return this;
    }

    Txn set(final Txn other)
    {
        return set(other.card, other.timeMs, other.amount);
    }

    long card()
    {
        return card;
    }

    long timeMs()
    {
        return timeMs;
    }

    long amount()
    {
        return amount;
    }

    @Override
    public String toString()
    {
        return "Txn{card=" + card + ", t=" + timeMs + ", amount=" + amount + "}";
    }
}
