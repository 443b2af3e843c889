package io.ringflow.examples.market;

import io.ringflow.pipeline.RecordType;

import java.util.Locale;

/**
 * What the analytics emit, one type for all three branches so that the fan-out can merge them into one
 * stream: a one-second bar, a spread flag or a price-move alert, told apart by {@link #kind()}. Each
 * operator owns one instance and refills it per result; fields a kind does not use are zero.
 * <pre>
 *   BAR         instrument, [startUs, endUs), trades, volume, notional (VWAP = notional / volume), open/high/low/close
 *   SPREAD_FLAG instrument, timeUs, tradeId, priceTicks, bidTicks/askTicks, flags (OUTSIDE_SPREAD | WIDE_SPREAD)
 *   PRICE_MOVE  instrument, fromUs to timeUs, fromPriceTicks to priceTicks, moveBp (signed), tradeId (the move's last)
 * </pre>
 * Threading: owned by the operator that fills it, then by the sink during its call.
 */
public final class MarketResult
{
    /** How it travels through rings. */
    public static final RecordType<MarketResult> TYPE =
        RecordType.of("MarketResult", MarketResult::new, (from, to) -> to.copyFrom(from));

    /** Flag: the trade printed below the bid or above the ask. */
    public static final int OUTSIDE_SPREAD = 1;
    /** Flag: the prevailing spread was wider than the rule's threshold. */
    public static final int WIDE_SPREAD = 2;

    /** Which branch a result comes from. */
    public enum Kind
    {
        /** A one-second OHLC/VWAP bar of one instrument. */
        BAR,
        /** A trade outside its quote, or traded on a wide quote. */
        SPREAD_FLAG,
        /** A price move of more than the threshold within the rule's time. */
        PRICE_MOVE
    }

    Kind kind = Kind.BAR;
    long instrument;
    long timeUs;
    long endUs;
    long trades;
    long volume;
    long notional;
    long open;
    long high;
    long low;
    long close;
    long tradeId;
    long priceTicks;
    long bidTicks;
    long askTicks;
    int flags;
    long fromUs;
    long fromPriceTicks;
    long moveBp;

    MarketResult clear(final Kind kind, final long instrument, final long timeUs)
    {
        this.kind = kind;
        this.instrument = instrument;
        this.timeUs = timeUs;
        endUs = 0;
        trades = 0;
        volume = 0;
        notional = 0;
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        tradeId = 0;
        priceTicks = 0;
        bidTicks = 0;
        askTicks = 0;
        flags = 0;
        fromUs = 0;
        fromPriceTicks = 0;
        moveBp = 0;
        return this;
    }

    /**
     * @param other overwrite every field with its values.
     * @return this.
     */
    public MarketResult copyFrom(final MarketResult other)
    {
        kind = other.kind;
        instrument = other.instrument;
        timeUs = other.timeUs;
        endUs = other.endUs;
        trades = other.trades;
        volume = other.volume;
        notional = other.notional;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        tradeId = other.tradeId;
        priceTicks = other.priceTicks;
        bidTicks = other.bidTicks;
        askTicks = other.askTicks;
        flags = other.flags;
        fromUs = other.fromUs;
        fromPriceTicks = other.fromPriceTicks;
        moveBp = other.moveBp;
        return this;
    }

    /** @return an independent copy; allocates, so for tests and tools, not the per-record path. */
    public MarketResult copy()
    {
        return new MarketResult().copyFrom(this);
    }

    /** @return which kind of result this is. */
    public Kind kind()
    {
        return kind;
    }

    /** @return the instrument. */
    public long instrument()
    {
        return instrument;
    }

    /** @return a bar's start, a flagged trade's time, a move's end (its last trade's time); µs. */
    public long timeUs()
    {
        return timeUs;
    }

    /** @return a bar's end, exclusive, µs. */
    public long endUs()
    {
        return endUs;
    }

    /** @return a bar's trade count. */
    public long trades()
    {
        return trades;
    }

    /** @return a bar's traded quantity. */
    public long volume()
    {
        return volume;
    }

    /** @return a bar's sum of price × quantity (tick-units). */
    public long notional()
    {
        return notional;
    }

    /** @return a bar's volume-weighted average price in ticks. */
    public double vwapTicks()
    {
        return 0 == volume ? 0 : (double)notional / volume;
    }

    /** @return a bar's first price (by event time). */
    public long open()
    {
        return open;
    }

    /** @return a bar's highest price. */
    public long high()
    {
        return high;
    }

    /** @return a bar's lowest price. */
    public long low()
    {
        return low;
    }

    /** @return a bar's last price (by event time). */
    public long close()
    {
        return close;
    }

    /** @return the flagged trade, or the last trade of a move. */
    public long tradeId()
    {
        return tradeId;
    }

    /** @return the flagged trade's price, or a move's last price; ticks. */
    public long priceTicks()
    {
        return priceTicks;
    }

    /** @return the prevailing bid of a flagged trade. */
    public long bidTicks()
    {
        return bidTicks;
    }

    /** @return the prevailing ask of a flagged trade. */
    public long askTicks()
    {
        return askTicks;
    }

    /** @return a spread flag's {@link #OUTSIDE_SPREAD} and {@link #WIDE_SPREAD} bits. */
    public int flags()
    {
        return flags;
    }

    /** @return a move's reference time (its first trade's), µs. */
    public long fromUs()
    {
        return fromUs;
    }

    /** @return a move's reference price, ticks. */
    public long fromPriceTicks()
    {
        return fromPriceTicks;
    }

    /** @return a move's size in basis points of its reference price, signed, truncated toward zero. */
    public long moveBp()
    {
        return moveBp;
    }

    /** @return one line per kind, as the tests spell them out. */
    @Override
    public String toString()
    {
        switch (kind)
        {
            case BAR:
                return String.format(Locale.ROOT, "BAR %d [%d, %d) trades=%d volume=%d vwap=%.2f ohlc=%d/%d/%d/%d",
                    instrument, timeUs, endUs, trades, volume, vwapTicks(), open, high, low, close);
            case SPREAD_FLAG:
                return "SPREAD " + instrument + " trade " + tradeId + " @" + timeUs + " price=" + priceTicks + " quote=" +
                    bidTicks + "/" + askTicks + ((flags & OUTSIDE_SPREAD) != 0 ? " OUTSIDE" : "") +
                    ((flags & WIDE_SPREAD) != 0 ? " WIDE" : "");
            default:
                return "MOVE " + instrument + " " + (moveBp > 0 ? "+" : "") + moveBp + "bp " + fromPriceTicks + "@" + fromUs +
                    " -> " + priceTicks + "@" + timeUs + " (trade " + tradeId + ")";
        }
    }
}
