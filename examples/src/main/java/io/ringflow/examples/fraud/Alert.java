package io.ringflow.examples.fraud;

import io.ringflow.pipeline.RecordType;

/**
 * What the detector outputs: one rule firing for one card. What {@link #value()} and {@link #reference()}
 * hold depends on the rule:
 * <ul>
 *   <li>{@link Rule#VELOCITY}: payments in the window, and the window's end;</li>
 *   <li>{@link Rule#GEO_JUMP}: the foreign payment's transaction id, and the home payment's;</li>
 *   <li>{@link Rule#AMOUNT_SPIKE}: the amount in cents, and the card's rolling average before it.</li>
 * </ul>
 * A mutable record, reused by the operator that fills it; not thread-safe.
 */
public final class Alert
{
    /** The ring's view of the type. */
    public static final RecordType<Alert> TYPE = RecordType.of("Alert", Alert::new, (from, to) -> to.copyFrom(from));

    Rule rule;
    long cardId;
    long timestampMs;
    long value;
    long reference;

    /**
     * @param rule        which rule fired.
     * @param cardId      for which card.
     * @param timestampMs the event time it fired at.
     * @param value       see the class comment.
     * @param reference   see the class comment.
     * @return this.
     */
    public Alert set(final Rule rule, final long cardId, final long timestampMs, final long value, final long reference)
    {
        this.rule = rule;
        this.cardId = cardId;
        this.timestampMs = timestampMs;
        this.value = value;
        this.reference = reference;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public Alert copyFrom(final Alert other)
    {
        return set(other.rule, other.cardId, other.timestampMs, other.value, other.reference);
    }

    /** @return the rule that fired. */
    public Rule rule()
    {
        return rule;
    }

    /** @return the card. */
    public long cardId()
    {
        return cardId;
    }

    /** @return event time of the firing, epoch ms. */
    public long timestampMs()
    {
        return timestampMs;
    }

    /** @return see the class comment. */
    public long value()
    {
        return value;
    }

    /** @return see the class comment. */
    public long reference()
    {
        return reference;
    }

    @Override
    public String toString()
    {
        switch (rule)
        {
            case VELOCITY:
                return "VELOCITY card " + cardId + ": " + value + " payments in the minute to " + reference;
            case GEO_JUMP:
                return "GEO_JUMP card " + cardId + ": payment " + value + " abroad after payment " + reference + " at home";
            default:
                return String.format(java.util.Locale.ROOT, "AMOUNT_SPIKE card %d: %.2f against a rolling average of %.2f",
                    cardId, value / 100.0, reference / 100.0);
        }
    }
}
