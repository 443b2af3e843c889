package io.ringflow.examples.market;

import io.ringflow.pipeline.RecordType;

/**
 * A trade with the quote that prevailed for its instrument when it arrived (see {@link PrevailingQuote}), or
 * none yet: what the bars, the spread monitor and the move detector all read. The join fills one instance
 * in place for every trade.
 * <p>
 * Threading: the stage thread's.
 */
public final class QuotedTrade
{
    /** How it travels through rings, should a stage boundary be put after the join. */
    public static final RecordType<QuotedTrade> TYPE =
        RecordType.of("QuotedTrade", QuotedTrade::new, (from, to) -> to.copyFrom(from));

    long instrument;
    long timeUs;
    long priceTicks;
    long quantity;
    long tradeId;
    boolean quoted;
    long bidTicks;
    long askTicks;

    /**
     * @param trade    the trade.
     * @param quoted   whether its instrument had a quote.
     * @param bidTicks the prevailing bid, 0 when none.
     * @param askTicks the prevailing ask, 0 when none.
     * @return this.
     */
    public QuotedTrade set(final MarketEvent trade, final boolean quoted, final long bidTicks, final long askTicks)
    {
        instrument = trade.instrument;
        timeUs = trade.timeUs;
        priceTicks = trade.priceTicks;
        quantity = trade.quantity;
        tradeId = trade.tradeId;
        this.quoted = quoted;
        this.bidTicks = bidTicks;
        this.askTicks = askTicks;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public QuotedTrade copyFrom(final QuotedTrade other)
    {
        instrument = other.instrument;
        timeUs = other.timeUs;
        priceTicks = other.priceTicks;
        quantity = other.quantity;
        tradeId = other.tradeId;
        quoted = other.quoted;
        bidTicks = other.bidTicks;
        askTicks = other.askTicks;
        return this;
    }

    /** @return the instrument. */
    public long instrument()
    {
        return instrument;
    }

    /** @return the trade's event time, µs. */
    public long timeUs()
    {
        return timeUs;
    }

    /** @return the trade price in ticks. */
    public long priceTicks()
    {
        return priceTicks;
    }

    /** @return the traded quantity. */
    public long quantity()
    {
        return quantity;
    }

    /** @return price × quantity, in tick-units: what VWAP sums. */
    public long notional()
    {
        return priceTicks * quantity;
    }

    /** @return the trade id. */
    public long tradeId()
    {
        return tradeId;
    }

    /** @return whether a quote prevailed; if not, bid and ask are 0. */
    public boolean quoted()
    {
        return quoted;
    }

    /** @return the prevailing bid in ticks. */
    public long bidTicks()
    {
        return bidTicks;
    }

    /** @return the prevailing ask in ticks. */
    public long askTicks()
    {
        return askTicks;
    }

    @Override
    public String toString()
    {
        return "QuotedTrade{instrument=" + instrument + ", t=" + timeUs + "us, price=" + priceTicks + ", qty=" + quantity +
            (quoted ? ", quote=" + bidTicks + "/" + askTicks : ", unquoted") + '}';
    }
}
