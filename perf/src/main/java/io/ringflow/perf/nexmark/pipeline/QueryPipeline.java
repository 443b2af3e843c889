package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.perf.nexmark.EventSource;

/**
 * A Nexmark query behind a thread hand-off: the caller (the producer) publishes events, one consumer thread
 * runs the query. {@link PipelineEngine} makes one per engine; each is started when made.
 * <pre>
 *   producer (caller) ── publish(source, n) ──► [ ring or queue ] ──► consumer thread: query + watermarks ──► fingerprint
 *        └─ awaitProcessed(): spin until the consumer has processed every published event
 * </pre>
 * Threading: every method on one producer thread. A failed consumer makes the producer's next wait throw
 * rather than spin for ever.
 */
public interface QueryPipeline
{
    /**
     * Publish the next {@code count} events of {@code source}, waiting (as the engine waits) while the ring or
     * queue is full. Returns once they are published, not processed.
     *
     * @param source where the events come from; read on this thread.
     * @param count  how many.
     */
    void publish(EventSource source, int count);

    /** Spin until the consumer has processed every event published so far, firings included. */
    void awaitProcessed();

    /** @return events published so far. */
    long published();

    /**
     * End of input: the consumer processes what is left, fires every open window and stops; its thread is
     * joined. Call once.
     *
     * @return the fingerprint of every result the query emitted.
     */
    ResultFingerprint<?> finish();
}
