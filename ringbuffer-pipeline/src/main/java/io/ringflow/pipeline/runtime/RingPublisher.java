package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringflow.pipeline.RecordType;

/**
 * Publishes a stage's output into the next stage's ring, copying each record into a pre-allocated
 * slot. A record's slot is published late — at the next output, or at the end of the batch — so that
 * a watermark emitted right after it rides in the same slot instead of taking one of its own.
 * <p>
 * Threading: one stage thread (one of the producers of the ring).
 *
 * @param <T> record type.
 */
final class RingPublisher<T> extends StageOutput<T>
{
    private final Ring<T> ring;
    private final RingBuffer<T> buffer;
    private final Envelopes envelopes;
    private final RecordType<T> type;
    private final int producer;
    private final CapacityWaiter waiter;
    /** Writes each event's merge order (rings into and out of a key-partitioned sequenced stage). */
    private boolean writesOrders;
    /** Told before each wait for space, so that it can publish what it holds (a router's progress). */
    private Runnable onFull;
    /** Index of the record slot claimed and not yet published, or -1. */
    private int pendingIndex = -1;
    private long pendingSequence;
    private long backPressureWaits;
    private long backPressureNs;

    RingPublisher(final Ring<T> ring, final RecordType<T> type, final int producer, final CapacityWaiter waiter)
    {
        this.ring = ring;
        this.buffer = ring.buffer;
        this.envelopes = ring.envelopes;
        this.type = type;
        this.producer = producer;
        this.waiter = waiter;
    }

    /**
     * Write every event's merge order ({@link StageOutput#order}) beside it; a watermark then rides with
     * the pending record only if it has the record's order, so that the merge sees the same events
     * whatever the batch boundaries were.
     *
     * @param onFull run before each wait for space in the ring, or null.
     * @return this.
     */
    RingPublisher<T> writeOrders(final Runnable onFull)
    {
        this.writesOrders = true;
        this.onFull = onFull;
        return this;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        flush();
        final long claimed = claim();
        type.copy(record, buffer.get(claimed));
        final int index = envelopes.index(claimed);
        envelopes.setRecord(index, timestamp, sequence, originNs, producer);
        if (writesOrders)
        {
            envelopes.orders[index] = order;
        }
        pendingIndex = index;
        pendingSequence = claimed;
        recordsOut++;
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        outputWatermark = watermark;
        // it rides with the pending record only if the same input caused both: a watermark of a later
        // input (the end-of-stream's final one) keeps that input's sequence, so keys downstream do not
        // depend on where a batch happened to end
        if (pendingIndex >= 0 && envelopes.sequences[pendingIndex] == sequence &&
            (!writesOrders || envelopes.orders[pendingIndex] == order))
        {
            envelopes.watermarksAfter[pendingIndex] = watermark;
            return;
        }
        flush();
        publishControl(Envelopes.WATERMARK, watermark);
    }

    @Override
    public void emitIdle()
    {
        flush();
        publishControl(Envelopes.IDLE, 0);
    }

    @Override
    void endOfBatch()
    {
        flush();
    }

    @Override
    void endOfStream()
    {
        flush();
        publishControl(Envelopes.END_OF_STREAM, 0);
    }

    @Override
    void processingTime(final long time)
    {
        flush();
        publishControl(Envelopes.TICK, time);
    }

    @Override
    void barrier(final long checkpointId)
    {
        flush();
        publishControl(Envelopes.BARRIER, checkpointId);
    }

    private void publishControl(final int kind, final long timestamp)
    {
        final long claimed = claim();
        final int index = envelopes.index(claimed);
        envelopes.setControl(index, kind, timestamp, sequence, originNs, producer);
        if (writesOrders)
        {
            envelopes.orders[index] = order;
        }
        buffer.publish(claimed);
    }

    /** Publish the record slot held back for a watermark, if any. */
    void flush()
    {
        if (pendingIndex >= 0)
        {
            pendingIndex = -1;
            buffer.publish(pendingSequence);
        }
    }

    private long claim()
    {
        try
        {
            return buffer.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            return claimSlowPath();
        }
    }

    private long claimSlowPath()
    {
        final long startNs = System.nanoTime();
        backPressureWaits++;
        for (int attempt = 0; ; attempt++)
        {
            if (null != onFull)
            {
                onFull.run();
            }
            waiter.awaitCapacity(ring, attempt);
            try
            {
                final long claimed = buffer.tryNext();
                backPressureNs += System.nanoTime() - startNs;
                return claimed;
            }
            catch (final InsufficientCapacityException stillFull)
            {
                // wait again
            }
        }
    }

    /** @return times a publish found the ring full. */
    @Override
    long backPressureWaits()
    {
        return backPressureWaits;
    }

    /** @return nanoseconds spent waiting for space. */
    @Override
    long backPressureNs()
    {
        return backPressureNs;
    }
}
