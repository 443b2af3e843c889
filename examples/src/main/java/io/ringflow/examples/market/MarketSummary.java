package io.ringflow.examples.market;

import io.ringflow.examples.Latencies;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** The figures a market demo run ends with; printed, and checked by the tests. Immutable once made. */
final class MarketSummary
{
    final long records;
    final long offered;
    final double seconds;
    final long warmupSeconds;
    final Histogram latency;
    final long bars;
    final long barTrades;
    final long spreadFlags;
    final long outsideSpread;
    final long wideSpread;
    final long moves;
    final long lateRecords;

    MarketSummary(final long records, final long offered, final double seconds, final long warmupSeconds,
        final Histogram latency, final MarketCounts counts)
    {
        this.records = records;
        this.offered = offered;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.latency = latency;
        this.bars = counts.bars;
        this.barTrades = counts.barTrades;
        this.spreadFlags = counts.spreadFlags;
        this.outsideSpread = counts.outsideSpread;
        this.wideSpread = counts.wideSpread;
        this.moves = counts.moves;
        this.lateRecords = counts.lateRecords;
    }

    /**
     * @return whether the run sent noticeably fewer records than offered (more than 0.1% short: the last few
     *         intended send times can fall past the end of the run without the stage having lagged).
     */
    boolean fellBehind()
    {
        return records < offered - offered / 1_000;
    }

    String render()
    {
        return String.format(Locale.ROOT,
            "%n== summary ==%nrecords       %,d trades and quotes in %.1f s (%,.0f records/s; %,d offered%s)%n" +
            "latency       p50 %s  p90 %s  p99 %s  p99.9 %s  p99.99 %s  max %s  (%,d records after a %d s warm-up)%n" +
            "bars          %,d one-second OHLC/VWAP bars over %,d trades%n" +
            "spread flags  %,d (%,d outside the quote, %,d on a wide spread)%n" +
            "move alerts   %,d%nlate records  %,d%n",
            records, seconds, records / seconds, offered,
            fellBehind() ? ", fell behind: lower --rate for a latency figure" : "",
            Latencies.micros(latency.getValueAtPercentile(50)), Latencies.micros(latency.getValueAtPercentile(90)),
            Latencies.micros(latency.getValueAtPercentile(99)), Latencies.micros(latency.getValueAtPercentile(99.9)),
            Latencies.micros(latency.getValueAtPercentile(99.99)), Latencies.micros(latency.getMaxValue()),
            latency.getTotalCount(), warmupSeconds,
            bars, barTrades, spreadFlags, outsideSpread, wideSpread, moves, lateRecords);
    }
}
