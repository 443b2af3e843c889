package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkQuery;
import io.ringflow.perf.nexmark.NexmarkStream;

/**
 * What a pipeline's results are checked against: the hand-written query driven on the calling thread by
 * {@link NexmarkDriver} over the same events from their first, then end of input. Built by
 * {@link QueryPlan#reference()}; {@link #run} once.
 * <p>
 * Threading: single-threaded.
 *
 * @param <R> the query's result type.
 */
public final class ReferenceRun<R>
{
    private final NexmarkQuery query;
    private final NexmarkDriver driver;
    private final ResultFingerprint<R> results;

    ReferenceRun(final NexmarkQuery query, final NexmarkStream events, final ResultFingerprint<R> results)
    {
        this.query = query;
        this.driver = new NexmarkDriver(events, query);
        this.results = results;
    }

    /**
     * @param events how many events, from the first.
     * @return the fingerprint of every result, the windows that end of input fires included.
     */
    public ResultFingerprint<R> run(final long events)
    {
        for (long left = events; left > 0; )
        {
            final int chunk = (int)Math.min(left, 1 << 20);
            driver.drive(chunk);
            left -= chunk;
        }
        driver.finish();
        query.close();
        return results;
    }
}
