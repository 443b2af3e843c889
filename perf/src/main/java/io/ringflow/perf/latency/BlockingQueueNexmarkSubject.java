package io.ringflow.perf.latency;

import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.pipeline.WatermarkedQuery;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * {@link BlockingQueueSubject}'s queue, with a Nexmark query's hand-written baseline as the consumer's work:
 * <pre>
 *   harness thread: pool[n &amp; mask] ← next generated event + intended time; queue.offer(slot)   false = back-pressured
 *        ▼
 *   ArrayBlockingQueue&lt;TimedNexmarkEvent&gt; (capacity, one lock)
 *        ▼
 *   consumer thread: take() (parks while empty) ──► hand-written query, then watermark ──► sink.onDelivered(intendedSendNs)
 * </pre>
 * Pooled slots as in {@link BlockingQueueSubject}: 2 × capacity, reused only after the consumer has taken a later
 * one. A refused offer leaves its slot filled, and the retry sends that event again with its first intended
 * time, so each generated event is offered until accepted. At {@link #stop()} the payloads and the query's
 * results are checked ({@link NexmarkSubjectWorkload}).
 */
final class BlockingQueueNexmarkSubject implements LatencySubject
{
    private final ArrayBlockingQueue<TimedNexmarkEvent> queue;
    private final TimedNexmarkEvent[] pool;
    private final int poolMask;
    private final TimedNexmarkEvent poison = new TimedNexmarkEvent();
    private final NexmarkSubjectWorkload<?> workload;
    private final WatermarkedQuery query;
    private Thread consumer;
    private LatencySink sink;
    private long offered;
    private boolean pendingFilled;
    private long delivered;
    private long deliveredSum;

    BlockingQueueNexmarkSubject(final int capacity, final NexmarkBenchmark.Query query)
    {
        queue = new ArrayBlockingQueue<>(capacity);
        pool = new TimedNexmarkEvent[2 * capacity];
        poolMask = pool.length - 1;
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new TimedNexmarkEvent();
        }
        workload = NexmarkSubjectWorkload.of(query);
        this.query = workload.newHandwrittenQuery();
    }

    @Override
    public void start(final LatencySink sink)
    {
        this.sink = sink;
        consumer = new Thread(this::consume, "blocking-queue-nexmark-subject-consumer");
        consumer.start();
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        final TimedNexmarkEvent slot = pool[(int)offered & poolMask];
        if (!pendingFilled)
        {
            workload.fill(slot, intendedSendNs, payload);
            pendingFilled = true;
        }
        if (!queue.offer(slot))
        {
            return false;
        }
        pendingFilled = false;
        offered++;
        workload.accepted(payload);
        return true;
    }

    @Override
    public void stop()
    {
        try
        {
            queue.put(poison);
            consumer.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        query.endOfInput();
        workload.verify(workload.name("blocking-queue"), delivered, deliveredSum);
    }

    private void consume()
    {
        try
        {
            TimedNexmarkEvent slot;
            while ((slot = queue.take()) != poison)
            {
                query.onEvent(slot.event);
                sink.onDelivered(slot.intendedSendNs);
                deliveredSum += slot.payload;
                delivered++;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
