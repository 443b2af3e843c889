package io.ringflow.perf.latency;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;

/**
 * One Disruptor ring wired by hand, the floor for one hop:
 * <pre>
 *   harness thread: hasAvailableCapacity(1)? next() / fill slot / publish()   else back-pressured
 *        ▼
 *   RingBuffer&lt;LatencyEvent&gt; (single producer, capacity slots, BusySpinWaitStrategy)
 *        ▼
 *   consumer thread (busy-spins): BatchEventProcessor ──► sink.onDelivered(intendedSendNs), sum payload
 * </pre>
 * With one producer, a free slot seen by {@code hasAvailableCapacity} stays free, so {@code next()} never
 * waits. At {@link #stop()} the payload sum must equal what was offered.
 */
final class RawDisruptorSubject implements LatencySubject
{
    private final RingBuffer<LatencyEvent> ring;
    private BatchEventProcessor<LatencyEvent> processor;
    private Thread consumer;
    private DeliveringHandler handler;
    private long offered;
    private long offeredSum;

    RawDisruptorSubject(final int capacity)
    {
        ring = RingBuffer.createSingleProducer(LatencyEvent::new, capacity, new BusySpinWaitStrategy());
    }

    @Override
    public void start(final LatencySink sink)
    {
        handler = new DeliveringHandler(sink);
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(processor.getSequence());
        consumer = new Thread(processor, "disruptor-subject-consumer");
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
        final LatencyEvent event = ring.get(sequence);
        event.intendedSendNs = intendedSendNs;
        event.payload = payload;
        ring.publish(sequence);
        offered++;
        offeredSum += payload;
        return true;
    }

    @Override
    public void stop()
    {
        processor.halt();
        Subjects.awaitEnd(consumer);
        Subjects.verify("disruptor", offered, offeredSum, handler.count, handler.sum);
    }

    private static final class DeliveringHandler implements EventHandler<LatencyEvent>
    {
        private final LatencySink sink;
        long count;
        long sum;

        DeliveringHandler(final LatencySink sink)
        {
            this.sink = sink;
        }

        @Override
        public void onEvent(final LatencyEvent event, final long sequence, final boolean endOfBatch)
        {
            sink.onDelivered(event.intendedSendNs);
            sum += event.payload;
            count++;
        }
    }
}
