package io.ringflow.examples;

/**
 * A card payment, as a pre-allocated mutable record: the generator refills one instance per event.
 * Amounts are in cents and times in milliseconds of event time.
 */
public final class CardTransaction
{
    long transactionId;
    long cardId;
    long amountCents;
    long eventTimeMs;
    int merchantCountry;

    /** @return unique per transaction; duplicates re-send the same id. */
    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public CardTransaction copyFrom(final CardTransaction other)
    {
        transactionId = other.transactionId;
        cardId = other.cardId;
        amountCents = other.amountCents;
        eventTimeMs = other.eventTimeMs;
        merchantCountry = other.merchantCountry;
        return this;
    }

    public long transactionId()
    {
        return transactionId;
    }

    /** @return the card. */
    public long cardId()
    {
        return cardId;
    }

    /** @return amount in cents. */
    public long amountCents()
    {
        return amountCents;
    }

    /** @return when the payment happened, in ms of event time. */
    public long eventTimeMs()
    {
        return eventTimeMs;
    }

    /** @return merchant country code. */
    public int merchantCountry()
    {
        return merchantCountry;
    }

    @Override
    public String toString()
    {
        return "CardTransaction{id=" + transactionId + ", card=" + cardId + ", cents=" + amountCents + ", t=" +
            eventTimeMs + ", country=" + merchantCountry + '}';
    }
}
