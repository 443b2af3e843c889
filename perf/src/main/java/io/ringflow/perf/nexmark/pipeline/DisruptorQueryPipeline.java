package io.ringflow.perf.nexmark.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkEvent;

/**
 * The raw LMAX Disruptor wired by hand, as {@code perf.ring.RawDisruptorOneToOneBenchmark} wires it, with the
 * hand-written query as the consumer's work:
 * <pre>
 *   producer: spin on hasAvailableCapacity(1) / next() / source.next(get(seq)) / publish(seq)   (single producer)
 *        ▼
 *   RingBuffer&lt;NexmarkEvent&gt; (capacity slots, BusySpinWaitStrategy): the generator fills the slot in place
 *        ▼
 *   consumer thread: BatchEventProcessor ──► WatermarkedQuery (hand-written query, then watermark) ──► fingerprint
 * </pre>
 * The producer spins while the ring is full rather than letting {@code next()} park ({@code parkNanos(1)} is
 * ~50 µs on a server kernel). Nothing is allocated per event.
 * <p>
 * Threading: as {@link QueryPipeline}.
 *
 * @param <R> the query's result type.
 */
final class DisruptorQueryPipeline<R> implements QueryPipeline
{
    private final RingBuffer<NexmarkEvent> ring;
    private final BatchEventProcessor<NexmarkEvent> processor;
    private final Sequence processed;
    private final WatermarkedQuery query;
    private final ResultFingerprint<R> results;
    private final ConsumerThread consumer;
    private long lastSequence = -1;

    DisruptorQueryPipeline(final QueryPlan<R> plan, final int capacity)
    {
        results = plan.newFingerprint();
        query = new WatermarkedQuery(plan.handwritten(results));
        ring = RingBuffer.createSingleProducer(NexmarkEvent::new, capacity, new BusySpinWaitStrategy());
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
            (event, sequence, endOfBatch) -> query.onEvent(event));
        processed = processor.getSequence();
        ring.addGatingSequences(processed);
        consumer = new ConsumerThread("nexmark-disruptor-consumer", processor).start();
    }

    @Override
    public void publish(final EventSource source, final int count)
    {
        final RingBuffer<NexmarkEvent> ring = this.ring;
        long sequence = lastSequence;
        for (int i = 0; i < count; i++)
        {
            while (!ring.hasAvailableCapacity(1))
            {
                consumer.checkRunning();
                Thread.onSpinWait();
            }
            sequence = ring.next();
            source.next(ring.get(sequence));
            ring.publish(sequence);
        }
        lastSequence = sequence;
    }

    @Override
    public void awaitProcessed()
    {
        while (processed.get() < lastSequence)
        {
            consumer.checkRunning();
            Thread.onSpinWait();
        }
    }

    @Override
    public long published()
    {
        return lastSequence + 1;
    }

    @Override
    public ResultFingerprint<?> finish()
    {
        awaitProcessed();
        processor.halt();
        consumer.join();
        // the consumer thread is joined: the query is this thread's now
        query.endOfInput();
        return results;
    }
}
