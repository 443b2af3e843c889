package io.ringflow.perf.latency;

import io.ringflow.perf.nexmark.NexmarkBenchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The subjects the harness knows, by the name given to {@code --subjects}; each factory takes the ring or
 * queue capacity. A new subject is one more {@code put} here (the Ringflow runtime's identity chain, for one).
 * <p>
 * Threading: the harness's main thread.
 */
final class Subjects
{
    private static final Map<String, IntFunction<LatencySubject>> FACTORIES = new LinkedHashMap<>();

    static
    {
        FACTORIES.put("disruptor", RawDisruptorSubject::new);
        FACTORIES.put("blocking-queue", BlockingQueueSubject::new);
        FACTORIES.put("ringflow", RingflowSubject::new);
        // the journal comparison: the same chain and wait strategies, journal off / durable / fast
        FACTORIES.put("ringflow-journal-off", JournalOffSubject::new);
        FACTORIES.put("ringflow-durable", DurableJournalSubject::new);
        FACTORIES.put("ringflow-fast", FastJournalSubject::new);
        // Nexmark Q1 (currency conversion) behind the same three hand-offs: Ringflow's chain against the hand-written query
        FACTORIES.put("disruptor-q1", capacity -> new DisruptorNexmarkSubject(capacity, NexmarkBenchmark.Query.Q1));
        FACTORIES.put("blocking-queue-q1", capacity -> new BlockingQueueNexmarkSubject(capacity, NexmarkBenchmark.Query.Q1));
        FACTORIES.put("ringflow-q1", capacity -> new RingflowNexmarkSubject(capacity, NexmarkBenchmark.Query.Q1));
    }

    private Subjects()
    {
    }

    static Iterable<String> names()
    {
        return FACTORIES.keySet();
    }

    static boolean exists(final String name)
    {
        return FACTORIES.containsKey(name);
    }

    static LatencySubject create(final String name, final int capacity)
    {
        return FACTORIES.get(name).apply(capacity);
    }

    /**
     * Wait for a subject's consumer thread to end after it was told to stop; an interrupt ends the wait and is
     * kept for the caller.
     *
     * @param consumer the thread.
     */
    static void awaitEnd(final Thread consumer)
    {
        try
        {
            consumer.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * For {@link LatencySubject#stop()}: fail unless every accepted record came out once, payload intact.
     *
     * @param subject      name for the message.
     * @param offered      records accepted by {@code offer}.
     * @param offeredSum   sum of their payloads.
     * @param delivered    records the consumer delivered.
     * @param deliveredSum sum of the delivered payloads.
     */
    static void verify(
        final String subject, final long offered, final long offeredSum, final long delivered, final long deliveredSum)
    {
        if (offered != delivered || offeredSum != deliveredSum)
        {
            throw new IllegalStateException(subject + ": offered " + offered + " records (payload sum " + offeredSum +
                ") but delivered " + delivered + " (payload sum " + deliveredSum + ")");
        }
    }
}
