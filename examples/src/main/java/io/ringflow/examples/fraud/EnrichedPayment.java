package io.ringflow.examples.fraud;

import io.ringflow.pipeline.RecordType;

/**
 * A payment joined with its card's profile: what the rules see. {@link #homeCountry} is
 * {@link #UNKNOWN_COUNTRY} for a card without a profile (never seen, or closed). A mutable record
 * filled by the enrichment join; not thread-safe.
 */
public final class EnrichedPayment
{
    /** The home country of a card the profile table does not hold. */
    public static final int UNKNOWN_COUNTRY = 0;

    /** The ring's view of the type. */
    public static final RecordType<EnrichedPayment> TYPE =
        RecordType.of("EnrichedPayment", EnrichedPayment::new, (from, to) -> to.copyFrom(from));

    long transactionId;
    long cardId;
    int country;
    long amountCents;
    long eventTimeMs;
    int homeCountry;

    /**
     * @param payment     the payment.
     * @param homeCountry its card's home country, or {@link #UNKNOWN_COUNTRY}.
     * @return this.
     */
    public EnrichedPayment set(final CardEvent payment, final int homeCountry)
    {
        return set(payment.eventId(), payment.cardId(), payment.country(), payment.amountCents(),
            payment.eventTimeMs(), homeCountry);
    }

    /**
     * @param transactionId the payment's id.
     * @param cardId        its card.
     * @param country       where it was made.
     * @param amountCents   how much.
     * @param eventTimeMs   when.
     * @param homeCountry   the card's home country, or {@link #UNKNOWN_COUNTRY}.
     * @return this.
     */
    public EnrichedPayment set(
        final long transactionId, final long cardId, final int country, final long amountCents, final long eventTimeMs,
        final int homeCountry)
    {
        this.transactionId = transactionId;
        this.cardId = cardId;
        this.country = country;
        this.amountCents = amountCents;
        this.eventTimeMs = eventTimeMs;
        this.homeCountry = homeCountry;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public EnrichedPayment copyFrom(final EnrichedPayment other)
    {
        return set(other.transactionId, other.cardId, other.country, other.amountCents, other.eventTimeMs, other.homeCountry);
    }

    /** @return the payment's id. */
    public long transactionId()
    {
        return transactionId;
    }

    /** @return the card. */
    public long cardId()
    {
        return cardId;
    }

    /** @return the merchant's country. */
    public int country()
    {
        return country;
    }

    /** @return the amount in cents. */
    public long amountCents()
    {
        return amountCents;
    }

    /** @return event time, epoch ms. */
    public long eventTimeMs()
    {
        return eventTimeMs;
    }

    /** @return the card's home country, or {@link #UNKNOWN_COUNTRY}. */
    public int homeCountry()
    {
        return homeCountry;
    }

    /** @return made in the card's known home country. */
    public boolean atHome()
    {
        return UNKNOWN_COUNTRY != homeCountry && country == homeCountry;
    }

    /** @return made outside the card's known home country. */
    public boolean abroad()
    {
        return UNKNOWN_COUNTRY != homeCountry && country != homeCountry;
    }

    @Override
    public String toString()
    {
        return "EnrichedPayment{id=" + transactionId + ", card=" + cardId + ", country=" + country + ", cents=" +
            amountCents + ", t=" + eventTimeMs + ", home=" + homeCountry + '}';
    }
}
