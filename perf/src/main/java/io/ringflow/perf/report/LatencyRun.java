package io.ringflow.perf.report;

import org.HdrHistogram.Histogram;

/**
 * One run of the fixed-rate latency harness as its interval logs recorded it: one subject at one offered
 * rate, the measurement phase's intervals added up (warm-up intervals are tagged and left out).
 *
 * @param subject the harness subject ({@code ringflow}, {@code disruptor}, ...).
 * @param rate    offered records per second.
 * @param round   the suite round it ran in (1 where the suite ran one).
 * @param latency end-to-end latency from intended send time, nanoseconds.
 * @param hiccups the hiccup meter's oversleep during the same phase, nanoseconds; empty when not logged.
 */
record LatencyRun(String subject, long rate, int round, Histogram latency, Histogram hiccups)
{
    /** The percentiles every latency table shows, in order, then the maximum. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    /**
     * @param percentile e.g. 99.9.
     * @return the latency at it, microseconds.
     */
    double micros(final double percentile)
    {
        return latency.getValueAtPercentile(percentile) / 1e3;
    }

    /** @return the largest latency, microseconds. */
    double maxMicros()
    {
        return latency.getMaxValue() / 1e3;
    }
}
