package io.ringflow.examples;

/** A trade print: the quick start's record, mutable and reused like a ring slot. */
public final class Trade
{
    long symbolId;
    long quantity;
    long priceTicks;
    long timeMs;

    /**
     * @param symbolId   instrument.
     * @param quantity   shares.
     * @param priceTicks price in ticks.
     * @param timeMs     event time.
     * @return this.
     */
    public Trade set(final long symbolId, final long quantity, final long priceTicks, final long timeMs)
    {
        this.symbolId = symbolId;
        this.quantity = quantity;
        this.priceTicks = priceTicks;
        this.timeMs = timeMs;
        return this;
    }

    /** @return instrument id. */
    public long symbolId()
    {
        return symbolId;
    }

    /** @return shares traded. */
    public long quantity()
    {
        return quantity;
    }

    /** @return price in ticks. */
    public long priceTicks()
    {
        return priceTicks;
    }

    /** @return event time in ms. */
    public long timeMs()
    {
        return timeMs;
    }
}
