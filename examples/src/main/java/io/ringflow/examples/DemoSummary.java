package io.ringflow.examples;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/** The figures a demo run ends with; printed, and checked by the tests. */
final class DemoSummary
{
    final long records;
    final long offered;
    final double seconds;
    final long warmupSeconds;
    final Histogram latency;
    final long alerts;
    final long lateRecords;
    final long duplicates;
    final long lateFirings;

    DemoSummary(final long records, final long offered, final double seconds, final long warmupSeconds, final Histogram latency, final long alerts,
        final long lateRecords, final long duplicates, final long lateFirings)
    {
        this.records = records;
        this.offered = offered;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.latency = latency;
        this.alerts = alerts;
        this.lateRecords = lateRecords;
        this.duplicates = duplicates;
        this.lateFirings = lateFirings;
    }

    String render()
    {
        return String.format(Locale.ROOT,
            "%n== summary ==%nrecords       %,d in %.1f s (%,.0f records/s; %,d offered%s)%n" +
            "latency       p50 %s  p90 %s  p99 %s  p99.9 %s  p99.99 %s  max %s  (%,d records after a %d s warm-up)%n" +
            "alerts        %,d (velocity rule)%nduplicates    %,d dropped%n" +
            "late records  %,d rejected past lateness, %,d alerts from late window firings%n",
            records, seconds, records / seconds, offered,
            records < offered ? ", fell behind: lower --rate for a latency figure" : "",
            Latencies.micros(latency.getValueAtPercentile(50)), Latencies.micros(latency.getValueAtPercentile(90)),
            Latencies.micros(latency.getValueAtPercentile(99)), Latencies.micros(latency.getValueAtPercentile(99.9)),
            Latencies.micros(latency.getValueAtPercentile(99.99)), Latencies.micros(latency.getMaxValue()),
            latency.getTotalCount(), warmupSeconds,
            alerts, duplicates, lateRecords, lateFirings);
    }
}
