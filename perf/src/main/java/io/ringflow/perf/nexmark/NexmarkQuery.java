package io.ringflow.perf.nexmark;

/**
 * One Nexmark query on one engine, as a {@link NexmarkDriver} drives it: every event, then the watermark
 * whenever it advances. Results go to the {@link io.ringflow.operators.Output} the query was built with.
 * <p>
 * Threading: single-threaded; the driving thread makes every call, and none of them allocates in steady
 * state.
 */
public interface NexmarkQuery extends AutoCloseable
{
    /**
     * @param event     the event, valid only during this call.
     * @param timestamp its event time, ms.
     */
    void processEvent(NexmarkEvent event, long timestamp);

    /**
     * Fire what the watermark completes, then forward it.
     *
     * @param watermark the new watermark, higher than the last.
     */
    void processWatermark(long watermark);

    /** Release state (off-heap memory, for Ringflow's operators). */
    @Override
    void close();
}
