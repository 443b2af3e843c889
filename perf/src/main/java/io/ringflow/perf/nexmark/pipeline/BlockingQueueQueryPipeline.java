package io.ringflow.perf.nexmark.pipeline;

import com.lmax.disruptor.Sequence;
import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkEvent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's bounded queue between the two threads, used the ordinary way (blocking {@code offer} and
 * {@code take}), with the hand-written query as the consumer's work:
 * <pre>
 *   producer: source.next(pool[n &amp; mask]); queue.offer(event, 100 ms)   (parks while full)
 *        ▼
 *   ArrayBlockingQueue&lt;NexmarkEvent&gt; (capacity, one ReentrantLock, two Conditions)
 *        ▼
 *   consumer thread: take() (parks while empty) ──► WatermarkedQuery ──► fingerprint; processed.set(n)
 * </pre>
 * A queue holds references, so the producer cycles through 2 × capacity pre-allocated events by index, as
 * {@code perf.ring.BlockingQueueOneToOneBenchmark} does: when it overwrites event {@code n}, at most capacity
 * newer events are queued, so the consumer has taken {@code n} already, and the queue's lock orders that read
 * before this write. The producer's {@code offer} waits as {@code put} would; its timeout only lets it notice
 * a dead consumer. What {@code -prof gc} shows is the JDK's: a thread that parks in the queue's lock or
 * condition allocates a wait node.
 * <p>
 * Threading: as {@link QueryPipeline}.
 *
 * @param <R> the query's result type.
 */
final class BlockingQueueQueryPipeline<R> implements QueryPipeline
{
    private final ArrayBlockingQueue<NexmarkEvent> queue;
    private final NexmarkEvent[] pool;
    private final int poolMask;
    private final NexmarkEvent endOfInput = new NexmarkEvent();
    private final Sequence processed = new Sequence();
    private final WatermarkedQuery query;
    private final ResultFingerprint<R> results;
    private final ConsumerThread consumer;
    private long published;

    BlockingQueueQueryPipeline(final QueryPlan<R> plan, final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        results = plan.newFingerprint();
        query = new WatermarkedQuery(plan.handwritten(results));
        queue = new ArrayBlockingQueue<>(capacity);
        pool = new NexmarkEvent[2 * capacity];
        poolMask = pool.length - 1;
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new NexmarkEvent();
        }
        consumer = new ConsumerThread("nexmark-blocking-queue-consumer", this::consume).start();
    }

    @Override
    public void publish(final EventSource source, final int count)
    {
        long published = this.published;
        for (int i = 0; i < count; i++)
        {
            final NexmarkEvent event = pool[(int)published & poolMask];
            source.next(event);
            put(event);
            published++;
        }
        this.published = published;
    }

    private void put(final NexmarkEvent event)
    {
        try
        {
            while (!queue.offer(event, 100, TimeUnit.MILLISECONDS))
            {
                consumer.checkRunning();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", ex);
        }
    }

    @Override
    public void awaitProcessed()
    {
        while (processed.get() < published)
        {
            consumer.checkRunning();
            Thread.onSpinWait();
        }
    }

    @Override
    public long published()
    {
        return published;
    }

    @Override
    public ResultFingerprint<?> finish()
    {
        put(endOfInput);
        consumer.join();
        // the consumer thread is joined: the query is this thread's now
        query.endOfInput();
        return results;
    }

    private void consume()
    {
        final ArrayBlockingQueue<NexmarkEvent> queue = this.queue;
        final WatermarkedQuery query = this.query;
        final Sequence processed = this.processed;
        long count = 0;
        try
        {
            NexmarkEvent event;
            while ((event = queue.take()) != endOfInput)
            {
                query.onEvent(event);
                processed.set(++count);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
