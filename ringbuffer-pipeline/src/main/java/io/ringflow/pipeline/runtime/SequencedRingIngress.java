package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.operators.Timestamps;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.SequencedIngress;

/**
 * The single-producer ingress of a sequenced pipeline: unlike {@link RingIngress} it writes every
 * envelope field, because sequences come from the source and control events (ticks, barriers) are
 * frequent enough that the kind cannot be assumed.
 * <p>
 * Threading: one producer thread; {@link #fail()} from any thread.
 *
 * @param <T> record type.
 */
final class SequencedRingIngress<T> implements SequencedIngress<T>, IngressControl
{
    private final Ring<T> ring;
    private final RingBuffer<T> buffer;
    private final Envelopes envelopes;
    private final CapacityWaiter waiter;
    private volatile boolean closed;
    private boolean endOfStreamSent;
    private long lastSequence = -1;
    private long published;

    SequencedRingIngress(final Ring<T> ring, final CapacityWaiter waiter)
    {
        this.ring = ring;
        this.buffer = ring.buffer;
        this.envelopes = ring.envelopes;
        this.waiter = waiter;
    }

    @Override
    public <A> PublishResult publish(
        final RecordTranslator<T, A> translator, final A argument, final long sequence, final long originNs)
    {
        final long claimed = claim();
        if (claimed < 0)
        {
            return PublishResult.CLOSED;
        }
        final int index = envelopes.index(claimed);
        try
        {
            translator.translateTo(buffer.get(claimed), argument);
            envelopes.setRecord(index, Timestamps.NO_TIMESTAMP, sequence, originNs, 0);
            lastSequence = sequence;
            published++;
        }
        catch (final RuntimeException | Error ex)
        {
            envelopes.setControl(index, Envelopes.SKIP, 0, sequence, originNs, 0);
            throw ex;
        }
        finally
        {
            buffer.publish(claimed);
        }
        return PublishResult.OK;
    }

    @Override
    public boolean hasCapacity()
    {
        return buffer.hasAvailableCapacity(1);
    }

    @Override
    public PublishResult watermark(final long watermark, final long sequence)
    {
        return control(Envelopes.WATERMARK, watermark, sequence);
    }

    @Override
    public PublishResult processingTime(final long time, final long sequence)
    {
        return control(Envelopes.TICK, time, sequence);
    }

    @Override
    public PublishResult barrier(final long checkpointId, final long sequence)
    {
        return control(Envelopes.BARRIER, checkpointId, sequence);
    }

    @Override
    public PublishResult endOfStream(final long sequence)
    {
        final PublishResult result = control(Envelopes.END_OF_STREAM, 0, sequence);
        if (PublishResult.OK == result)
        {
            endOfStreamSent = true;
            closed = true;
        }
        return result;
    }

    @Override
    public long publishedCount()
    {
        return published;
    }

    private PublishResult control(final int kind, final long timestamp, final long sequence)
    {
        final long claimed = claim();
        if (claimed < 0)
        {
            return PublishResult.CLOSED;
        }
        envelopes.setControl(envelopes.index(claimed), kind, timestamp, sequence, 0, 0);
        lastSequence = Math.max(lastSequence, sequence);
        buffer.publish(claimed);
        return PublishResult.OK;
    }

    /** @return the claimed slot, or -1 once closed or failed. */
    private long claim()
    {
        for (int attempt = 0; ; attempt++)
        {
            if (closed)
            {
                return -1;
            }
            try
            {
                return buffer.tryNext();
            }
            catch (final InsufficientCapacityException full)
            {
                try
                {
                    waiter.awaitCapacity(ring, attempt);
                }
                catch (final StageAbortedException ex)
                {
                    return -1;
                }
            }
        }
    }

    /** End-of-stream one past the last sequence, unless the source sent its own. */
    @Override
    public void close()
    {
        if (!endOfStreamSent && !closed)
        {
            endOfStream(lastSequence + 1);
        }
        closed = true;
    }

    @Override
    public void fail()
    {
        closed = true;
    }
}
