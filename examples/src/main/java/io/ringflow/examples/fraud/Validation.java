package io.ringflow.examples.fraud;

import io.ringflow.operators.stateless.ProcessFunction;

/**
 * The detector's first operator: passes well-formed events on and sends malformed ones, with the
 * reason, to {@link DeadLetter#TAG}. Checked before event time is assigned, so that a garbage timestamp
 * never reaches the watermark.
 * <p>
 * Threading: the operator's; one instance per operator (it reuses one dead letter).
 */
public final class Validation implements ProcessFunction<CardEvent, CardEvent>
{
    /** The largest payment accepted: ten million in the card's currency. */
    public static final long MAX_AMOUNT_CENTS = 1_000_000_000L;
    /** 2000-01-01T00:00:00Z. */
    public static final long MIN_TIME_MS = 946_684_800_000L;
    /** 2100-01-01T00:00:00Z. */
    public static final long END_TIME_MS = 4_102_444_800_000L;

    private final DeadLetter deadLetter = new DeadLetter();

    @Override
    public void processElement(final CardEvent event, final Context<CardEvent> ctx)
    {
        final Malformed fault = check(event);
        if (null == fault)
        {
            ctx.emit(event);
        }
        else
        {
            ctx.output(DeadLetter.TAG, deadLetter.set(event, fault));
        }
    }

    /**
     * @param event as received.
     * @return the first thing wrong with it, or null if nothing is.
     */
    public static Malformed check(final CardEvent event)
    {
        final byte kind = event.kind();
        if (CardEvent.PAYMENT != kind && CardEvent.PROFILE_UPSERT != kind && CardEvent.PROFILE_DELETE != kind)
        {
            return Malformed.UNKNOWN_KIND;
        }
        if (event.cardId() < 0)
        {
            return Malformed.BAD_CARD;
        }
        if (CardEvent.PAYMENT == kind && (event.amountCents() <= 0 || event.amountCents() > MAX_AMOUNT_CENTS))
        {
            return Malformed.BAD_AMOUNT;
        }
        if (CardEvent.PROFILE_DELETE != kind && (event.country() < 1 || event.country() > 999))
        {
            return Malformed.BAD_COUNTRY;
        }
        if (event.eventTimeMs() < MIN_TIME_MS || event.eventTimeMs() >= END_TIME_MS)
        {
            return Malformed.BAD_TIME;
        }
        return null;
    }
}
