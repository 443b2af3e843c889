package io.ringflow.perf.latency;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The JDK's bounded queue between two threads, used the ordinary way:
 * <pre>
 *   harness thread: pool[n &amp; mask] ← (intendedSendNs, payload); queue.offer(slot)   false = back-pressured
 *        ▼
 *   ArrayBlockingQueue&lt;LatencyEvent&gt; (capacity, one lock)
 *        ▼
 *   consumer thread: take() (parks while empty) ──► sink.onDelivered(intendedSendNs), sum payload
 * </pre>
 * The queue holds references, so the producer cycles through 2 × capacity pre-allocated events by index
 * rather than allocating: a slot is reused only after the consumer has taken a later one. The consumer
 * parks when the queue is empty, so each record that finds it asleep pays a wake-up: that is how this queue
 * is normally used and part of what it costs. A poison event stops the consumer.
 */
final class BlockingQueueSubject implements LatencySubject
{
    private final ArrayBlockingQueue<LatencyEvent> queue;
    private final LatencyEvent[] pool;
    private final int poolMask;
    private final LatencyEvent poison = new LatencyEvent();
    private Thread consumer;
    private LatencySink sink;
    private long offered;
    private long offeredSum;
    private long delivered;
    private long deliveredSum;

    BlockingQueueSubject(final int capacity)
    {
        queue = new ArrayBlockingQueue<>(capacity);
        pool = new LatencyEvent[2 * capacity];
        poolMask = pool.length - 1;
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new LatencyEvent();
        }
    }

    @Override
    public void start(final LatencySink sink)
    {
        this.sink = sink;
        consumer = new Thread(this::consume, "blocking-queue-subject-consumer");
        consumer.start();
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        final LatencyEvent event = pool[(int)offered & poolMask];
        event.intendedSendNs = intendedSendNs;
        event.payload = payload;
        if (!queue.offer(event))
        {
            return false;
        }
        offered++;
        offeredSum += payload;
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
        Subjects.verify("blocking-queue", offered, offeredSum, delivered, deliveredSum);
    }

    private void consume()
    {
        try
        {
            LatencyEvent event;
            while ((event = queue.take()) != poison)
            {
                sink.onDelivered(event.intendedSendNs);
                deliveredSum += event.payload;
                delivered++;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
