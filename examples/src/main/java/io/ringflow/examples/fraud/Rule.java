package io.ringflow.examples.fraud;

/** The detector's rules, as named in its alerts. */
public enum Rule
{
    /** More than {@link FraudDetector#VELOCITY_LIMIT} payments on a card within a sliding minute. */
    VELOCITY,
    /** A payment in the card's home country followed by one abroad within {@link FraudDetector#GEO_JUMP_WITHIN_MS}. */
    GEO_JUMP,
    /** A payment far above the card's rolling average amount. */
    AMOUNT_SPIKE;

    private static final Rule[] VALUES = values();

    /**
     * @param ordinal a rule's ordinal, as journaled.
     * @return the rule.
     * @throws IllegalArgumentException for an unknown ordinal.
     */
    public static Rule of(final int ordinal)
    {
        if (ordinal < 0 || ordinal >= VALUES.length)
        {
            throw new IllegalArgumentException("no rule has ordinal " + ordinal);
        }
        return VALUES[ordinal];
    }
}
