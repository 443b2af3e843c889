package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkQuery;

/**
 * Runs a query on Ringflow as the perf module's {@code NexmarkBenchmark} does: a {@link NexmarkDriver} pushes
 * the events and the watermarks they advance through the fused operator chain on the calling thread, then
 * the end-of-stream watermark, and the query's state is released.
 * <p>
 * Threading: runs on the calling thread.
 */
final class RingflowRun
{
    private RingflowRun()
    {
    }

    /**
     * @param query    the query.
     * @param source   the events (a fresh stream: built before any clock starts).
     * @param events   how many to push.
     * @param listener receives every result.
     */
    static void run(final PeerQuery query, final EventSource source, final long events, final ResultListener listener)
    {
        try (NexmarkQuery ringflow = query.ringflow(listener))
        {
            final NexmarkDriver driver = new NexmarkDriver(source, ringflow);
            for (long left = events; left > 0; left -= Integer.MAX_VALUE)
            {
                driver.drive((int)Math.min(left, Integer.MAX_VALUE));
            }
            driver.finish();
        }
    }

    /**
     * @param query the query.
     * @param input the events.
     * @return the fingerprint of the query's results.
     */
    static Fingerprint fingerprint(final PeerQuery query, final NexmarkInput input)
    {
        final Fingerprint fingerprint = new Fingerprint();
        run(query, input.newStream(), input.events(), fingerprint);
        return fingerprint;
    }
}
