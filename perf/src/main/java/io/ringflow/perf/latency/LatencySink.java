package io.ringflow.perf.latency;

/**
 * Where a {@link LatencySubject} reports that a record left the end of its pipeline. Called on the subject's
 * last consumer thread only (one writer), once per record, in delivery order; it reads the clock, records
 * {@code System.nanoTime() - intendedSendNs} into an HdrHistogram and allocates nothing, so it may be called
 * from a busy-spinning hot path.
 */
@FunctionalInterface
public interface LatencySink
{
    /**
     * One record has been delivered.
     *
     * @param intendedSendNs the {@code System.nanoTime()} at which the harness meant to send it, exactly as
     *                       given to {@link LatencySubject#offer(long, long)}.
     */
    void onDelivered(long intendedSendNs);
}
