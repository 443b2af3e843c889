package io.ringflow.examples.fraud;

import io.ringflow.pipeline.RecordType;

/**
 * What the fraud detector's ingress carries, as it arrives: a card payment, or a change to a card's
 * profile (the changelog the enrichment table is built from). One record type for both, so that payments
 * and profile changes travel in one ring and one journal, in the order they were accepted — the order a
 * replay repeats.
 * <p>
 * Fields are as received and unchecked: the first operator validates them and sends what is malformed to
 * the dead letters. A pre-allocated mutable record: the generator and the journal decoder refill one
 * instance per event. Amounts are in cents, times in epoch milliseconds of event time. Not thread-safe.
 */
public final class CardEvent
{
    /** A card payment. */
    public static final byte PAYMENT = 1;
    /** A card's profile created or changed: {@link #country} is its home country. */
    public static final byte PROFILE_UPSERT = 2;
    /** A card closed: its profile is deleted. */
    public static final byte PROFILE_DELETE = 3;

    /** The ring's view of the type: how a slot is made and filled. */
    public static final RecordType<CardEvent> TYPE = RecordType.of("CardEvent", CardEvent::new, (from, to) -> to.copyFrom(from));

    byte kind;
    long eventId;
    long cardId;
    long merchantId;
    int country;
    long amountCents;
    long eventTimeMs;

    /**
     * @param kind        {@link #PAYMENT}, {@link #PROFILE_UPSERT} or {@link #PROFILE_DELETE} (anything else is malformed).
     * @param eventId     the transaction id of a payment (a retry re-sends it), or the change's id.
     * @param cardId      the card.
     * @param merchantId  the merchant of a payment.
     * @param country     the merchant's country, or the card's home country in a profile.
     * @param amountCents a payment's amount.
     * @param eventTimeMs when it happened.
     * @return this.
     */
    public CardEvent set(
        final byte kind, final long eventId, final long cardId, final long merchantId, final int country,
        final long amountCents, final long eventTimeMs)
    {
        this.kind = kind;
        this.eventId = eventId;
        this.cardId = cardId;
        this.merchantId = merchantId;
        this.country = country;
        this.amountCents = amountCents;
        this.eventTimeMs = eventTimeMs;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public CardEvent copyFrom(final CardEvent other)
    {
        return set(other.kind, other.eventId, other.cardId, other.merchantId, other.country, other.amountCents,
            other.eventTimeMs);
    }

    /** @return what the record is; see the constants. */
    public byte kind()
    {
        return kind;
    }

    /** @return true for a payment, false for a profile change. */
    public boolean isPayment()
    {
        return PAYMENT == kind;
    }

    /** @return the transaction id of a payment, or the change's id: unique per event, repeated by retries. */
    public long eventId()
    {
        return eventId;
    }

    /**
     * @return what the dedup remembers: the id in a key space of its kind (payments even, profile changes
     *         odd), so that a feed's transaction ids and change ids may overlap without one dropping the
     *         other. Ids must differ in their low 63 bits.
     */
    public long dedupKey()
    {
        return PAYMENT == kind ? eventId << 1 : (eventId << 1) | 1;
    }

    /** @return the card. */
    public long cardId()
    {
        return cardId;
    }

    /** @return the merchant of a payment. */
    public long merchantId()
    {
        return merchantId;
    }

    /** @return the merchant's country (a payment), or the card's home country (a profile). */
    public int country()
    {
        return country;
    }

    /** @return a payment's amount in cents. */
    public long amountCents()
    {
        return amountCents;
    }

    /** @return when it happened, epoch ms of event time. */
    public long eventTimeMs()
    {
        return eventTimeMs;
    }

    @Override
    public String toString()
    {
        return "CardEvent{kind=" + kind + ", id=" + eventId + ", card=" + cardId + ", merchant=" + merchantId +
            ", country=" + country + ", cents=" + amountCents + ", t=" + eventTimeMs + '}';
    }
}
