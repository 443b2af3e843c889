package io.ringflow.perf.peers;

import java.util.List;

/**
 * A stream processor measured against Ringflow on the Nexmark queries ({@link PeerQuery}): it runs a query over
 * a {@link NexmarkInput}'s events (read from the shared {@link EventArray}, never generated in a timed section)
 * and hashes every result as Ringflow's equal result is hashed ({@link ResultHash}), stamped as Ringflow
 * stamps it, so that the measurement compares {@link Fingerprint}s; the tests compare rendered results. Each
 * run is a fresh query: no state is carried from one run to the next.
 * <p>
 * Threading: one thread calls an engine (the measuring thread, or a test's); the engine may run threads of its
 * own inside a call (Flink's tasks) and has finished with a run's results when the call returns. Close it to
 * release what {@link PeerEngines#open} started.
 */
public interface PeerEngine extends AutoCloseable
{
    /** @return the name {@code --engines} knows it by: {@code flink}, {@code kafka-streams}, {@code esper}. */
    String name();

    /** @return the engine's version and settings, in one line, for the measurement's header. */
    String describe();

    /**
     * Run a query over the input's events to its end, every window included, and fingerprint its results (the
     * measured form: nothing but the fingerprint leaves the engine).
     *
     * @param query the query.
     * @param input the events.
     * @return the results' fingerprint.
     */
    Fingerprint fingerprint(PeerQuery query, NexmarkInput input);

    /**
     * Run a query as {@link #fingerprint} does and render its results (the tested form; may be slower).
     *
     * @param query the query.
     * @param input the events.
     * @return every result in arrival order, rendered as Ringflow's with its timestamp: {@code "<result> at <ts>"}.
     */
    List<String> collect(PeerQuery query, NexmarkInput input);

    /** Release the engine's resources (threads, files). */
    @Override
    void close();
}
