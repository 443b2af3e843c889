package io.ringflow.examples.fraud;

import io.ringflow.operators.OutputTag;

/**
 * A malformed {@link CardEvent} and why: the side output of {@link Validation}. Nothing is dropped
 * silently — the detector counts dead letters by reason and keeps the first few for the summary.
 * A mutable record: one instance is reused per validation operator. Not thread-safe.
 */
public final class DeadLetter
{
    /** The side output dead letters travel on. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters");

    private final CardEvent event = new CardEvent();
    private Malformed reason;

    DeadLetter set(final CardEvent from, final Malformed reason)
    {
        event.copyFrom(from);
        this.reason = reason;
        return this;
    }

    /** @return the record as received, valid only during the sink call. */
    public CardEvent event()
    {
        return event;
    }

    /** @return what was wrong. */
    public Malformed reason()
    {
        return reason;
    }

    @Override
    public String toString()
    {
        return reason + " (" + reason.description() + "): " + event;
    }
}
