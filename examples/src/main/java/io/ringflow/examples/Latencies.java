package io.ringflow.examples;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * How the ring-runtime demos print latencies: nanoseconds from the runtime's histograms, shown in µs.
 * Threading: stateless.
 */
public final class Latencies
{
    private Latencies()
    {
    }

    /**
     * @param nanos a latency.
     * @return it in microseconds, one decimal.
     */
    public static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1000.0);
    }

    /**
     * @param label     what the figures are.
     * @param histogram one interval's latencies, ns.
     * @return {@code label  p50 …  p99 …  p99.9 …  max …}, the live view's latency line.
     */
    public static String line(final String label, final Histogram histogram)
    {
        return String.format(Locale.ROOT, "%s  p50 %s  p99 %s  p99.9 %s  max %s", label,
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(99)),
            micros(histogram.getValueAtPercentile(99.9)), micros(histogram.getMaxValue()));
    }
}
