package io.ringflow.perf.latency;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The harness's {@link LatencySink}: records {@code nanoTime() - intendedSendNs} for each delivered record
 * into a {@link PhasedRecorder} and publishes the count delivered so far (a release store, no lock), so the
 * harness can wait for the pipeline to drain. Called by the subject's consumer thread only.
 */
final class LatencyRecorder implements LatencySink
{
    private final PhasedRecorder recorder;
    private final AtomicLong delivered = new AtomicLong();
    private long count;

    LatencyRecorder(final PhasedRecorder recorder)
    {
        this.recorder = recorder;
    }

    @Override
    public void onDelivered(final long intendedSendNs)
    {
        recorder.record(intendedSendNs, System.nanoTime() - intendedSendNs);
        delivered.lazySet(++count);
    }

    long delivered()
    {
        return delivered.get();
    }
}
