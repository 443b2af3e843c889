package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.WaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * A Disruptor ring between producers and one consuming stage: every slot a pre-allocated record, with
 * its in-band {@link Envelopes} beside it.
 * <p>
 * The consumer polls (never blocks inside the ring) so that the same stage code runs on its own thread
 * or stepped by hand. Only a {@link WaitStrategy#BLOCKING} consumer waits inside the Disruptor, on a
 * barrier whose producers signal it; every other strategy idles outside, and the ring's own wait
 * strategy is a busy-spin one whose producer-side signal costs nothing.
 *
 * @param <T> record type.
 */
final class Ring<T>
{
    /** A blocked consumer wakes at least this often, to deliver processing time to its operators. */
    static final long BLOCKING_WAKE_UP_MS = 1;

    final String name;
    final RingBuffer<T> buffer;
    final Envelopes envelopes;
    final EventPoller<T> poller;
    final SequenceBarrier barrier;
    /** Upstream producers whose watermarks the consumer combines (1 for the ingress). */
    final int inputs;
    /**
     * The ingress ring: a slot's ingress sequence is its ring sequence, and its kind is RECORD unless a
     * rare control write (skip, end-of-stream) changed it, which the consumer undoes after reading. So a
     * producer writes only the record (and the origin time when latency is tracked), and a hand-off moves
     * no envelope line at all.
     */
    final boolean ingress;
    private Stage<T, ?> consumer;

    Ring(
        final String name,
        final RecordType<T> type,
        final int size,
        final boolean multiProducer,
        final int inputs,
        final boolean ingress,
        final WaitStrategy consumerWait,
        final boolean ordered)
    {
        if (size < 2 || Integer.bitCount(size) != 1)
        {
            throw new IllegalArgumentException("ring '" + name + "': size must be a power of two >= 2, was " + size);
        }
        final com.lmax.disruptor.WaitStrategy wait = WaitStrategy.BLOCKING == consumerWait ?
            new LiteTimeoutBlockingWaitStrategy(BLOCKING_WAKE_UP_MS, TimeUnit.MILLISECONDS) :
            new BusySpinWaitStrategy();
        this.name = name;
        this.inputs = inputs;
        this.ingress = ingress;
        this.buffer = multiProducer ?
            RingBuffer.createMultiProducer(type::newInstance, size, wait) :
            RingBuffer.createSingleProducer(type::newInstance, size, wait);
        this.envelopes = new Envelopes(size, ordered);
        this.poller = buffer.newPoller();
        buffer.addGatingSequences(poller.getSequence());
        this.barrier = buffer.newBarrier();
    }

    void consumer(final Stage<T, ?> stage)
    {
        this.consumer = stage;
    }

    Stage<T, ?> consumer()
    {
        return consumer;
    }

    /** @return slots published and not yet consumed (racy when read off the consumer thread). */
    long occupancy()
    {
        return Math.max(0, buffer.getCursor() - poller.getSequence().get());
    }

    /** @return the sequence the consumer processed last. */
    long consumedSequence()
    {
        return poller.getSequence().get();
    }

    @Override
    public String toString()
    {
        return "ring '" + name + "' (" + buffer.getBufferSize() + " slots)";
    }
}
