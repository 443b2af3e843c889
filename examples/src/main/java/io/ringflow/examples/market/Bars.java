package io.ringflow.examples.market;

import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.window.WindowResult;

/**
 * One-second OHLC and VWAP bars as one incremental aggregate per instrument and window: 7 longs of
 * state, nothing buffered. Open and close are the first and last price by event time (so a trade that
 * arrives out of order lands where its timestamp puts it); VWAP is the exact integer ratio
 * {@code sum(price × quantity) / sum(quantity)}, divided only when read.
 * <p>
 * Threading: stateless; the aggregate runs on the window operator's thread.
 */
final class Bars
{
    /** Bar length: one second of event time, µs. */
    static final long BAR_US = 1_000_000;

    static final int TRADES = 0;
    static final int VOLUME = 1;
    static final int NOTIONAL = 2;
    static final int OPEN = 3;
    static final int HIGH = 4;
    static final int LOW = 5;
    static final int CLOSE = 6;

    /** The aggregate; result slots in the order of the constants above. */
    static final AggregateFunction<QuotedTrade> AGGREGATE = Aggregates.of(
        Aggregates.count(),
        Aggregates.sum(QuotedTrade::quantity),
        Aggregates.sum(QuotedTrade::notional),
        Aggregates.first(QuotedTrade::priceTicks),
        Aggregates.max(QuotedTrade::priceTicks),
        Aggregates.min(QuotedTrade::priceTicks),
        Aggregates.last(QuotedTrade::priceTicks));

    private Bars()
    {
    }

    /**
     * The window firing as a {@link MarketResult.Kind#BAR}.
     *
     * @param window a fired window of {@link #AGGREGATE}.
     * @param bar    the mapper's reused output.
     */
    static void toResult(final WindowResult window, final MarketResult bar)
    {
        bar.clear(MarketResult.Kind.BAR, window.key(), window.start());
        bar.endUs = window.end();
        bar.trades = window.longValue(TRADES);
        bar.volume = window.longValue(VOLUME);
        bar.notional = window.longValue(NOTIONAL);
        bar.open = window.longValue(OPEN);
        bar.high = window.longValue(HIGH);
        bar.low = window.longValue(LOW);
        bar.close = window.longValue(CLOSE);
    }
}
