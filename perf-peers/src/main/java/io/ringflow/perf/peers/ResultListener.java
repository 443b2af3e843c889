package io.ringflow.perf.peers;

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
     * @param resultHash the result's {@link ResultHash}.
     * @param timestamp  its timestamp, ms.
     * @param result     the result, valid only during this call (Ringflow reuses it); its {@code toString()}
     *                   is what {@link ResultRecord#render()} gives for the same Flink result.
     */
    void onResult(long resultHash, long timestamp, Object result);
}
