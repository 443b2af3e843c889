package io.ringflow.examples.market;

import io.ringflow.operators.Sides;
import io.ringflow.pipeline.RecordType;

/**
 * A trade or a quote of one instrument: the union record the market-data source publishes, so that both
 * travel in one ring and the pipeline sees them in the order they were published (the order a journal would
 * record and a replay repeat). A pre-allocated mutable record: ring slots are filled in place.
 * <pre>
 *   trade: instrument, timeUs, priceTicks, quantity, tradeId
 *   quote: instrument, timeUs, bidTicks, askTicks
 * </pre>
 * Threading: owned by whoever fills it (the producer, then the stage thread reading the slot).
 */
public final class MarketEvent
{
    /** How the event travels through rings. */
    public static final RecordType<MarketEvent> TYPE =
        RecordType.of("MarketEvent", MarketEvent::new, (from, to) -> to.copyFrom(from));

    /** Trades are the left input of the quote join, quotes its right (the table's changelog). */
    public static final Sides<MarketEvent, MarketEvent, MarketEvent> SIDES = new Sides<>()
    {
        @Override
        public boolean isLeft(final MarketEvent union)
        {
            return union.trade;
        }

        @Override
        public MarketEvent left(final MarketEvent union)
        {
            return union;
        }

        @Override
        public MarketEvent right(final MarketEvent union)
        {
            return union;
        }
    };

    boolean trade;
    long instrument;
    long timeUs;
    long priceTicks;
    long quantity;
    long tradeId;
    long bidTicks;
    long askTicks;

    /**
     * @param instrument the instrument.
     * @param timeUs     event time, µs.
     * @param priceTicks trade price.
     * @param quantity   traded quantity.
     * @param tradeId    unique per trade.
     * @return this, as a trade.
     */
    public MarketEvent trade(final long instrument, final long timeUs, final long priceTicks, final long quantity,
        final long tradeId)
    {
        this.trade = true;
        this.instrument = instrument;
        this.timeUs = timeUs;
        this.priceTicks = priceTicks;
        this.quantity = quantity;
        this.tradeId = tradeId;
        this.bidTicks = 0;
        this.askTicks = 0;
        return this;
    }

    /**
     * @param instrument the instrument.
     * @param timeUs     event time, µs.
     * @param bidTicks   best bid.
     * @param askTicks   best ask.
     * @return this, as a quote.
     */
    public MarketEvent quote(final long instrument, final long timeUs, final long bidTicks, final long askTicks)
    {
        this.trade = false;
        this.instrument = instrument;
        this.timeUs = timeUs;
        this.priceTicks = 0;
        this.quantity = 0;
        this.tradeId = 0;
        this.bidTicks = bidTicks;
        this.askTicks = askTicks;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public MarketEvent copyFrom(final MarketEvent other)
    {
        trade = other.trade;
        instrument = other.instrument;
        timeUs = other.timeUs;
        priceTicks = other.priceTicks;
        quantity = other.quantity;
        tradeId = other.tradeId;
        bidTicks = other.bidTicks;
        askTicks = other.askTicks;
        return this;
    }

    /** @return true for a trade, false for a quote. */
    public boolean isTrade()
    {
        return trade;
    }

    /** @return the instrument (a dense id). */
    public long instrument()
    {
        return instrument;
    }

    /** @return event time, µs. */
    public long timeUs()
    {
        return timeUs;
    }

    /** @return a trade's price in ticks. */
    public long priceTicks()
    {
        return priceTicks;
    }

    /** @return a trade's quantity. */
    public long quantity()
    {
        return quantity;
    }

    /** @return a trade's id. */
    public long tradeId()
    {
        return tradeId;
    }

    /** @return a quote's bid in ticks. */
    public long bidTicks()
    {
        return bidTicks;
    }

    /** @return a quote's ask in ticks. */
    public long askTicks()
    {
        return askTicks;
    }

    @Override
    public String toString()
    {
        return trade ?
            "trade{instrument=" + instrument + ", t=" + timeUs + "us, price=" + priceTicks + ", qty=" + quantity + ", id=" +
                tradeId + '}' :
            "quote{instrument=" + instrument + ", t=" + timeUs + "us, bid=" + bidTicks + ", ask=" + askTicks + '}';
    }
}
