package io.ringflow.pipeline.runtime;

import org.HdrHistogram.SingleWriterRecorder;

/**
 * Settings shared by the runtime's latency recorders.
 */
final class LatencyHistograms
{
    /** Latencies above a minute are recorded as a minute: a stall that long is reported, not lost. */
    static final long HIGHEST_TRACKABLE_NS = 60_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private LatencyHistograms()
    {
    }

    static SingleWriterRecorder newRecorder()
    {
        return new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }
}
