package io.ringflow.examples.market;

import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Stream;

/**
 * The market-data analytics as a plan on the public DSL, all fused on the stage it is added to:
 * <pre>
 *   trades + quotes (one union ring, feed order)
 *     ──► event time per side, bounded out-of-orderness {@value #MAX_OUT_OF_ORDER_US} µs; watermark = min of the two
 *     ──► prevailing-quote: table join, trade (left) × latest quote of its instrument (right) ──► QuotedTrade
 *     ──► fan-out "analytics", every quoted trade to each branch in turn:
 *           ├─ by instrument: tumbling 1 s window, count/volume/notional/first/max/min/last ──► BAR
 *           ├─ spread-monitor: outside the quote, or on a spread over the threshold      ──► SPREAD_FLAG
 *           └─ by instrument: price-moves (keyed state)                                     ──► PRICE_MOVE
 *     ──► one MarketResult stream
 * </pre>
 * A trade's spread flag and move alert come out with it, flag first (branch order); bars fire on watermarks,
 * after the record that moved the watermark, when it passes their end. The watermark is the minimum of the
 * trades' and the quotes' (each {@code maxTimestamp - bound - 1}), so bars lag event time by the bound, and a
 * feed side that goes quiet holds them back (give that side {@code withIdleness(ms)} where that can happen;
 * the demo's feed never pauses). Late records (none with the demo's generator) are rejected by the window,
 * and still judged by the spread monitor and move detector; route them with
 * {@code rejected(RejectReason.LATE, sink)}.
 * <p>
 * Threading: records a plan on the calling thread; see {@link PrevailingQuote}, {@link Bars},
 * {@link SpreadMonitor} and {@link PriceMoveDetector} for what runs on the stage thread.
 */
public final class MarketPipeline
{
    /** How far behind the newest event time a record may arrive: the generator's jitter bound, µs. */
    public static final long MAX_OUT_OF_ORDER_US = MarketGenerator.MAX_JITTER_US;

    private MarketPipeline()
    {
    }

    /**
     * @param source      the stream of trades and quotes, not yet in event time.
     * @param instruments instruments expected, to presize the join's table and the windows' state.
     * @param rules       spread and move thresholds.
     * @param <I>         the pipeline's ingress type.
     * @return bars, spread flags and move alerts as one stream, on the source's current stage.
     */
    public static <I> Stream<I, MarketResult> analytics(
        final Stream<I, MarketEvent> source, final int instruments, final MarketRules rules)
    {
        // new function instances per plan: each owns its output record (and the detector its state handle)
        final SpreadMonitor spreads = new SpreadMonitor(rules);
        final PriceMoveDetector moves = new PriceMoveDetector(rules);
        return source
            .assignTimestamps("event-time", MarketEvent.SIDES, eventTime(), eventTime())
            .connect("prevailing-quote", MarketEvent.SIDES,
                () -> PrevailingQuote.operator("prevailing-quote", instruments), QuotedTrade.TYPE)
            .fanOut("analytics", MarketResult.TYPE,
                trades -> trades.keyBy(QuotedTrade::instrument)
                    .window(Windows.tumbling(Bars.BAR_US)).expectedKeys(instruments)
                    .aggregate("bars", Bars.AGGREGATE)
                    .map("bar", Bars::toResult, MarketResult.TYPE),
                trades -> trades.flatMap("spread-monitor", spreads, MarketResult.TYPE),
                trades -> trades.keyBy(QuotedTrade::instrument).process("price-moves", moves, MarketResult.TYPE));
    }

    private static WatermarkStrategy<MarketEvent> eventTime()
    {
        return WatermarkStrategy.<MarketEvent>forBoundedOutOfOrderness(MAX_OUT_OF_ORDER_US)
            .withTimestampAssigner(MarketEvent::timeUs);
    }
}
