package io.ringflow.perf;

/**
 * The mutable record every benchmark feeds: a {@code long} key and a {@code long} value. One instance
 * is reused for every record, as a ring slot would be.
 */
public final class Event
{
    private long key;
    private long value;

    /** @return the key: an instrument, a card, a transaction id. */
    public long key()
    {
        return key;
    }

    /** @return the value summed by aggregates. */
    public long value()
    {
        return value;
    }

    /**
     * Overwrite both fields (one setter, not same-name overloads, so that {@code Event::key} stays an
     * unambiguous method reference for key selectors and aggregates).
     *
     * @param key   the key.
     * @param value the value.
     * @return this.
     */
    public Event set(final long key, final long value)
    {
        this.key = key;
        this.value = value;
        return this;
    }

    @Override
    public String toString()
    {
        return "Event(" + key + ", " + value + ")";
    }
}
