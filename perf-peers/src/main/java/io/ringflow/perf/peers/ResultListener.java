package io.ringflow.perf.peers;

import java.util.List;

/**
 * Where a Ringflow query's results go on their way out of {@link RingflowRun}: a {@link Fingerprint} for the
 * measurement, a list of rendered results for the tests.
 * <p>
 * Threading: called on the thread that drives the query.
 */
@FunctionalInterface
public interface ResultListener
{
    /**
     * The tests' form of a run's results: each rendered with its timestamp, {@code "<result> at <ts>"}.
     *
     * @param into receives the rendered results in arrival order.
     * @return a listener that renders into it (allocates per result: not for measured runs).
     */
    static ResultListener rendering(final List<String> into)
    {
        return (resultHash, timestamp, result) -> into.add(result + " at " + timestamp);
    }

    /**
     * @param resultHash the result's {@link ResultHash}.
     * @param timestamp  its timestamp, ms.
     * @param result     the result, valid only during this call (Ringflow reuses it); its {@code toString()}
     *                   is what {@link ResultRecord#render()} gives for the same Flink result.
     */
    void onResult(long resultHash, long timestamp, Object result);
}
