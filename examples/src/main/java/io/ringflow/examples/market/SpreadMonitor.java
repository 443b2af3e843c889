package io.ringflow.examples.market;

import io.ringflow.operators.Collector;
import io.ringflow.operators.RecordFlatMapper;

/**
 * Flags a trade that printed outside its prevailing quote (below the bid or above the ask) or on a quote
 * whose spread is wider than the rule's threshold: {@code (ask - bid) / mid > wideSpreadBp / 10,000},
 * computed exactly in integers as {@code (ask - bid) * 20,000 > wideSpreadBp * (bid + ask)}. A trade with
 * no quote yet is not judged. One {@link MarketResult.Kind#SPREAD_FLAG} per flagged trade, carrying both
 * bits where both hold.
 * <p>
 * Threading: the stage thread's; one instance per built operator, since it owns its output record
 * ({@link MarketPipeline} makes one in the operator's factory).
 */
final class SpreadMonitor implements RecordFlatMapper<QuotedTrade, MarketResult>
{
    private final long wideSpreadBp;
    private final MarketResult flag = new MarketResult();

    SpreadMonitor(final MarketRules rules)
    {
        this.wideSpreadBp = rules.wideSpreadBp();
    }

    @Override
    public void flatMap(final QuotedTrade trade, final Collector<MarketResult> out)
    {
        if (!trade.quoted)
        {
            return;
        }
        final long bid = trade.bidTicks;
        final long ask = trade.askTicks;
        int flags = 0;
        if (trade.priceTicks < bid || trade.priceTicks > ask)
        {
            flags |= MarketResult.OUTSIDE_SPREAD;
        }
        if ((ask - bid) * 20_000 > wideSpreadBp * (bid + ask))
        {
            flags |= MarketResult.WIDE_SPREAD;
        }
        if (0 != flags)
        {
            final MarketResult flag = this.flag.clear(MarketResult.Kind.SPREAD_FLAG, trade.instrument, trade.timeUs);
            flag.tradeId = trade.tradeId;
            flag.priceTicks = trade.priceTicks;
            flag.bidTicks = bid;
            flag.askTicks = ask;
            flag.flags = flags;
            out.collect(flag);
        }
    }
}
