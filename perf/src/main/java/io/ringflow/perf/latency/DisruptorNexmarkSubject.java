package io.ringflow.perf.latency;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.pipeline.WatermarkedQuery;

/**
 * {@link RawDisruptorSubject}'s ring, with a Nexmark query's hand-written baseline as the consumer's work:
 * <pre>
 *   harness thread: hasAvailableCapacity(1)? next() / next generated event + intended time into the slot / publish()
 *        ▼
 *   RingBuffer&lt;TimedNexmarkEvent&gt; (single producer, capacity slots, BusySpinWaitStrategy)
 *        ▼
 *   consumer thread (busy-spins): hand-written query, then watermark ──► sink.onDelivered(intendedSendNs)
 * </pre>
 * A record is delivered when the query has processed its event, whether or not it produced a result (Q1 drops
 * persons and auctions). At {@link #stop()} the payloads and the query's results are checked
 * ({@link NexmarkSubjectWorkload}).
 */
final class DisruptorNexmarkSubject implements LatencySubject
{
    private final RingBuffer<TimedNexmarkEvent> ring;
    private final NexmarkSubjectWorkload<?> workload;
    private final WatermarkedQuery query;
    private BatchEventProcessor<TimedNexmarkEvent> processor;
    private Thread consumer;
    private LatencySink sink;
    private long delivered;
    private long deliveredSum;

    DisruptorNexmarkSubject(final int capacity, final NexmarkBenchmark.Query query)
    {
        ring = RingBuffer.createSingleProducer(TimedNexmarkEvent::new, capacity, new BusySpinWaitStrategy());
        workload = NexmarkSubjectWorkload.of(query);
        this.query = workload.newHandwrittenQuery();
    }

    @Override
    public void start(final LatencySink sink)
    {
        this.sink = sink;
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), (slot, sequence, endOfBatch) ->
        {
            query.onEvent(slot.event);
            this.sink.onDelivered(slot.intendedSendNs);
            deliveredSum += slot.payload;
            delivered++;
        });
        ring.addGatingSequences(processor.getSequence());
        consumer = new Thread(processor, "disruptor-nexmark-subject-consumer");
        consumer.start();
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        if (!ring.hasAvailableCapacity(1))
        {
            return false;
        }
        final long sequence = ring.next();
        workload.fill(ring.get(sequence), intendedSendNs, payload);
        ring.publish(sequence);
        workload.accepted(payload);
        return true;
    }

    @Override
    public void stop()
    {
        processor.halt();
        Subjects.awaitEnd(consumer);
        query.endOfInput();
        workload.verify(workload.name("disruptor"), delivered, deliveredSum);
    }
}
