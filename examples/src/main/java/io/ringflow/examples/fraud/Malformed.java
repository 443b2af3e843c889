package io.ringflow.examples.fraud;

/** Why {@link Validation} refused a {@link CardEvent}. */
public enum Malformed
{
    /** The kind byte is none of the known ones. */
    UNKNOWN_KIND("kind is not payment, profile upsert or profile delete"),
    /** A negative card id. */
    BAD_CARD("card id is negative"),
    /** A payment of zero, a negative amount or more than {@link Validation#MAX_AMOUNT_CENTS}. */
    BAD_AMOUNT("amount is not in (0, 10,000,000.00]"),
    /** A country code outside 1..999. */
    BAD_COUNTRY("country is not in 1..999"),
    /** An event time before 2000 or from 2100 on: a unit mix-up (seconds, microseconds) or garbage. */
    BAD_TIME("event time is not in [2000-01-01, 2100-01-01)");

    private final String description;

    Malformed(final String description)
    {
        this.description = description;
    }

    /** @return what is wrong, for people. */
    public String description()
    {
        return description;
    }
}
