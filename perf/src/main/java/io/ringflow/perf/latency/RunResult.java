package io.ringflow.perf.latency;

import org.HdrHistogram.Histogram;

/**
 * What one run (one subject at one rate) measured, warm-up excluded.
 *
 * @param subject      subject name.
 * @param rate         target records per second.
 * @param achievedRate records per second the subject accepted in the measurement phase.
 * @param maxSendLagNs the sender's worst lag behind schedule.
 * @param latency      end-to-end latency, ns, from intended send time to delivery.
 * @param hiccups      oversleep of the hiccup meter's 1 ms sleeps, ns.
 */
record RunResult(
    String subject, long rate, double achievedRate, long maxSendLagNs, Histogram latency, Histogram hiccups)
{
}
