package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.pipeline.Ingress;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.metrics.PipelineCounters;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingress: producers claim a slot of the first ring, fill it in place and publish it.
 * <p>
 * Closing without losing what was accepted: the closer raises {@code closing}, claims one more slot
 * for end-of-stream and records its sequence. A producer that claims after seeing {@code closing}
 * compares its slot with that sequence: before it, the record is accepted and will be processed
 * ahead of end-of-stream; after it, the slot is published as a skip and the answer is CLOSED. A
 * producer that missed {@code closing} claimed before the closer did (claims are totally ordered on
 * the ring's cursor), so its slot precedes end-of-stream. Either way OK means processed.
 *
 * @param <T> record type.
 */
final class RingIngress<T> implements Ingress<T>, IngressControl
{
    private static final long NOT_CLOSED = Long.MAX_VALUE;
    /** Set when the pipeline failed: no slot counts as accepted any more. */
    private static final long FAILED = -1;

    private final Ring<T> ring;
    private final RingBuffer<T> buffer;
    private final Envelopes envelopes;
    private final boolean trackLatency;
    private final CapacityWaiter waiter;
    private final PipelineCounters counters;
    // skips are rare (refused after close, translator threw), so accepted = claimed - skipped needs no
    // atomic increment per record
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean closing;
    private volatile long endOfStreamSequence = NOT_CLOSED;

    RingIngress(
        final Ring<T> ring, final boolean trackLatency, final CapacityWaiter waiter, final PipelineCounters counters)
    {
        this.counters = counters;
        this.ring = ring;
        this.buffer = ring.buffer;
        this.envelopes = ring.envelopes;
        this.trackLatency = trackLatency;
        this.waiter = waiter;
    }

    @Override
    public <A> PublishResult tryPublish(final RecordTranslator<T, A> translator, final A argument)
    {
        return tryPublish(translator, argument, trackLatency ? System.nanoTime() : 0);
    }

    @Override
    public <A> PublishResult tryPublish(final RecordTranslator<T, A> translator, final A argument, final long originNs)
    {
        if (closing)
        {
            counters.onRejectedClosed();
            return PublishResult.CLOSED;
        }
        final long claimed;
        try
        {
            claimed = buffer.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            counters.onBackPressured();
            return PublishResult.BACK_PRESSURED;
        }
        return fill(claimed, translator, argument, originNs);
    }

    @Override
    public <A> PublishResult publish(
        final RecordTranslator<T, A> translator, final A argument, final long timeout, final TimeUnit unit)
    {
        final long originNs = System.nanoTime();
        final long deadlineNs = originNs + unit.toNanos(timeout);
        for (int attempt = 0; ; attempt++)
        {
            final PublishResult result = tryPublish(translator, argument, trackLatency ? originNs : 0);
            if (PublishResult.BACK_PRESSURED != result)
            {
                return result;
            }
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return result;
            }
            try
            {
                waiter.awaitCapacity(ring, attempt);
            }
            catch (final StageAbortedException ex)
            {
                // the pipeline failed while this producer waited: it takes no more records
                return PublishResult.CLOSED;
            }
        }
    }

    private <A> PublishResult fill(
        final long claimed, final RecordTranslator<T, A> translator, final A argument, final long originNs)
    {
        final int index = envelopes.index(claimed);
        if (closing && claimed > awaitEndOfStreamSequence())
        {
            envelopes.kinds[index] = Envelopes.SKIP;
            buffer.publish(claimed);
            skipped.incrementAndGet();
            counters.onRejectedClosed();
            return PublishResult.CLOSED;
        }
        try
        {
            translator.translateTo(buffer.get(claimed), argument);
            // kind is RECORD already (see Ring.ingress); sequence is the ring's; timestamp, watermark-after and
            // producer of ingress slots never change from their initial values
            if (trackLatency)
            {
                envelopes.originsNs[index] = originNs;
            }
        }
        catch (final RuntimeException | Error ex)
        {
            envelopes.kinds[index] = Envelopes.SKIP;
            skipped.incrementAndGet();
            throw ex;
        }
        finally
        {
            buffer.publish(claimed);
        }
        return PublishResult.OK;
    }

    private long awaitEndOfStreamSequence()
    {
        long sequence;
        while (NOT_CLOSED == (sequence = endOfStreamSequence))
        {
            Thread.onSpinWait();
        }
        return sequence;
    }

    /**
     * Refuse further records and publish end-of-stream behind everything accepted. Idempotent. Under
     * {@code ProducerMode.SINGLE}, call it on the producer thread (or after it stopped publishing).
     */
    @Override
    public void close()
    {
        if (closing)
        {
            return;
        }
        closing = true;
        long claimed;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                claimed = buffer.tryNext();
                break;
            }
            catch (final InsufficientCapacityException full)
            {
                waiter.awaitCapacity(ring, attempt);
            }
        }
        endOfStreamSequence = claimed;
        skipped.incrementAndGet();
        final int index = envelopes.index(claimed);
        envelopes.kinds[index] = Envelopes.END_OF_STREAM;
        buffer.publish(claimed);
    }

    /** The pipeline failed: refuse everything from now on, without an end-of-stream. */
    @Override
    public void fail()
    {
        closing = true;
        if (NOT_CLOSED == endOfStreamSequence)
        {
            endOfStreamSequence = FAILED;
        }
    }

    /**
     * @return slots claimed for records and not skipped: accepted records, plus any being filled right now.
     */
    @Override
    public long acceptedCount()
    {
        return Math.max(0, buffer.getCursor() + 1 - skipped.get());
    }

    @Override
    public long backPressuredCount()
    {
        return counters.backPressured();
    }
}
