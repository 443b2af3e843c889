package io.ringflow.perf.nexmark;

import java.util.Objects;

/**
 * What Q8 emits: a person who opened an auction in the same window in which they registered, with that
 * auction and its reserve (one result per such auction). The window is the result's timestamp
 * ({@code windowEnd - 1}).
 * <p>
 * Threading: not thread-safe; the emitting operator owns and refills one instance.
 */
public final class NewUserAuction
{
    private long person;
    private long auction;
    private long reserve;

    /**
     * @param person  the person's id.
     * @param auction the auction they opened.
     * @param reserve its reserve, cents.
     * @return this.
     */
    public NewUserAuction set(final long person, final long auction, final long reserve)
    {
        this.person = person;
        this.auction = auction;
        this.reserve = reserve;
        return this;
    }

    /** @return the person's id. */
    public long person()
    {
        return person;
    }

    /** @return the auction's id. */
    public long auction()
    {
        return auction;
    }

    /** @return the auction's reserve, cents. */
    public long reserve()
    {
        return reserve;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof NewUserAuction && ((NewUserAuction)o).person == person &&
            ((NewUserAuction)o).auction == auction && ((NewUserAuction)o).reserve == reserve;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(person, auction, reserve);
    }

    @Override
    public String toString()
    {
        return "NewUserAuction(person " + person + " auction " + auction + " reserve " + reserve + ")";
    }
}
