package io.ringflow.perf.latency;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.List;

/** Prints runs as two tables in microseconds: end-to-end latency, then the hiccup meter of the same runs. */
final class LatencyReport
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private LatencyReport()
    {
    }

    static void print(final PrintStream out, final List<RunResult> results)
    {
        out.println();
        out.println("End-to-end latency, intended send to delivery, measurement phase only (µs):");
        out.printf("%-16s %10s %12s %11s %9s %9s %9s %9s %9s %9s %12s%n",
            "subject", "rate/s", "achieved/s", "records", "p50", "p90", "p99", "p99.9", "p99.99", "max", "send lag max");
        for (final RunResult result : results)
        {
            out.printf("%-16s %10d %12.0f %11d %s %12.1f%n", result.subject(), result.rate(), result.achievedRate(),
                result.latency().getTotalCount(), percentiles(result.latency()), result.maxSendLagNs() / 1e3);
        }
        out.println();
        out.println("Hiccups: oversleep of a 1 ms sleep on a third thread during the same phase (µs):");
        out.printf("%-16s %10s %11s %9s %9s %9s %9s %9s %9s%n",
            "subject", "rate/s", "samples", "p50", "p90", "p99", "p99.9", "p99.99", "max");
        for (final RunResult result : results)
        {
            out.printf("%-16s %10d %11d %s%n", result.subject(), result.rate(), result.hiccups().getTotalCount(),
                percentiles(result.hiccups()));
        }
    }

    private static String percentiles(final Histogram histogram)
    {
        final StringBuilder line = new StringBuilder();
        for (final double percentile : PERCENTILES)
        {
            line.append(String.format("%9.2f ", histogram.getValueAtPercentile(percentile) / 1e3));
        }
        return line.append(String.format("%9.2f", histogram.getMaxValue() / 1e3)).toString();
    }
}
