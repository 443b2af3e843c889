package io.ringflow.examples.market;

import io.ringflow.operators.Collector;
import io.ringflow.operators.process.KeyedProcessFunction;
import io.ringflow.operators.process.KeyedStateRegistry;
import io.ringflow.operators.process.ValueState;

/**
 * Alerts when an instrument's trade price moves more than {@code moveBp} basis points within
 * {@code moveWithinUs} of event time. Keyed by instrument; per instrument, 16 bytes of off-heap state: the
 * reference trade's time and price. For each trade at {@code (t, p)}, in arrival order:
 * <ul>
 *   <li>no reference yet, or {@code t > ref.t + T}: the trade becomes the reference (a new observation
 *   period starts);</li>
 *   <li>else, if {@code |p - ref.p| * 10,000 > moveBp * ref.p} (strictly more than the threshold): a
 *   {@link MarketResult.Kind#PRICE_MOVE} from the reference to this trade, which becomes the new
 *   reference, so that one move alerts once and a continuing move alerts again only after another
 *   {@code moveBp};</li>
 *   <li>a trade older than {@code ref.t - T} (far out of order) is not judged.</li>
 * </ul>
 * <b>Why keyed state and not a sequence pattern.</b> The rule relates two records: whether the second
 * trade is "far" depends on the first one's price. A {@code Patterns.begin(..).followedBy(..).within(T)}
 * predicate sees one record at a time, so the pattern could express the rule only if every trade carried
 * its reference price already, and computing that is this very state, after which the pattern would add
 * nothing but the {@code within} check done here in one comparison. The pattern would also cost more: with
 * "any trade" as its first stage, every trade opens a partial match kept for {@code T}, thousands at once
 * for an active instrument. The price of the shortcut is precision: the reference is the first trade of a
 * period, not every earlier trade within {@code T}, so a move that straddles two periods is caught only
 * if it exceeds the threshold from the later period's first trade. Trades are judged in arrival (feed)
 * order, not re-sorted by event time: deterministic, since a replay repeats that order, and immediate,
 * which is what a move alert is for.
 * <p>
 * Threading: the operator's thread; allocates nothing per record.
 */
final class PriceMoveDetector implements KeyedProcessFunction<QuotedTrade, MarketResult>
{
    private static final int TIME = 0;
    private static final int PRICE = Long.BYTES;

    private final long moveBp;
    private final long withinUs;
    private final MarketResult alert = new MarketResult();
    private ValueState reference;

    PriceMoveDetector(final MarketRules rules)
    {
        this.moveBp = rules.moveBp();
        this.withinUs = rules.moveWithinUs();
    }

    @Override
    public void open(final KeyedStateRegistry states)
    {
        reference = states.valueState("reference", 2 * Long.BYTES);
    }

    @Override
    public void processElement(final QuotedTrade trade, final Context ctx, final Collector<MarketResult> out)
    {
        final long time = ctx.timestamp();
        final long price = trade.priceTicks;
        // prices are positive, so a zero price is "no reference yet" (and saves a lookup per trade)
        final long referencePrice = reference.getLong(PRICE);
        final long referenceTime = reference.getLong(TIME);
        if (0 == referencePrice || time > referenceTime + withinUs)
        {
            setReference(time, price);
            return;
        }
        if (time < referenceTime - withinUs)
        {
            return;
        }
        if (Math.abs(price - referencePrice) * 10_000 > moveBp * referencePrice)
        {
            final MarketResult alert = this.alert.clear(MarketResult.Kind.PRICE_MOVE, trade.instrument, time);
            alert.fromUs = referenceTime;
            alert.fromPriceTicks = referencePrice;
            alert.priceTicks = price;
            alert.moveBp = (price - referencePrice) * 10_000 / referencePrice;
            alert.tradeId = trade.tradeId;
            out.collect(alert);
            setReference(time, price);
        }
    }

    private void setReference(final long time, final long price)
    {
        reference.putLong(TIME, time);
        reference.putLong(PRICE, price);
    }
}
