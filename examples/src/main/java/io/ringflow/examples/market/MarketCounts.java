package io.ringflow.examples.market;

import io.ringflow.operators.Rejected;
import io.ringflow.pipeline.Sink;

/**
 * The demo's sink: counts what the analytics emit, by kind, and remembers the last move alert for the
 * live view; {@link #lateRecords} counts the records rejected as late. Nothing is allocated or kept per
 * record.
 * <p>
 * Threading: written on the stage thread only; the live view reads the counts racily from the
 * producer's thread (a figure a moment old is fine there), and the summary after the drain.
 */
final class MarketCounts implements Sink<MarketResult>
{
    long bars;
    long barTrades;
    long spreadFlags;
    long outsideSpread;
    long wideSpread;
    long moves;
    long lastMoveInstrument = -1;
    long lastMoveBp;
    long lastMoveUs;
    long lateRecords;

    /** Counts records rejected as late (none are expected: the generator stays within the bound). */
    final Sink<Rejected<?>> late = (rejected, timestamp) -> lateRecords++;

    @Override
    public void onRecord(final MarketResult result, final long timestamp)
    {
        switch (result.kind)
        {
            case BAR:
                bars++;
                barTrades += result.trades;
                break;
            case SPREAD_FLAG:
                spreadFlags++;
                if ((result.flags & MarketResult.OUTSIDE_SPREAD) != 0)
                {
                    outsideSpread++;
                }
                if ((result.flags & MarketResult.WIDE_SPREAD) != 0)
                {
                    wideSpread++;
                }
                break;
            default:
                moves++;
                lastMoveInstrument = result.instrument;
                lastMoveBp = result.moveBp;
                lastMoveUs = result.timeUs - result.fromUs;
                break;
        }
    }
}
