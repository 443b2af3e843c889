package io.ringflow.pipeline.runtime;

import com.lmax.disruptor.Sequence;
import io.ringflow.operators.KeySelector;

/**
 * Feeds a key-partitioned parallel stage: each record goes to the ring of the partition that owns its
 * key, so all records of a key meet the same operator instance in their original order; watermarks,
 * idleness and end-of-stream go to every partition.
 * <p>
 * <b>Ordered</b> (a sequenced pipeline): every event it sends gets the next merge order (a broadcast one
 * order for all partitions), which the partitions' outputs inherit, and it publishes how far it has
 * routed — the highest order whose events every partition has received — at the end of each batch and
 * before each wait for space. {@link MergedInput} needs both to put the partitions' outputs back into
 * this order, whatever the threads' timing.
 * <p>
 * Threading: one stage thread; {@link #routed()} is read by the merging stage's thread.
 *
 * @param <T> record type.
 */
final class PartitionedPublisher<T> extends StageOutput<T>
{
    private final KeySelector<T> keySelector;
    private final RingPublisher<T>[] partitions;
    private final boolean ordered;
    /** The merge order given last. */
    private long lastOrder;
    private final Sequence routed = new Sequence(0);

    /**
     * @param keySelector which key a record has.
     * @param partitions  one publisher per partition's ring.
     * @param ordered     give events merge orders and publish {@link #routed()}; the publishers are
     *                    switched to writing orders.
     */
    PartitionedPublisher(final KeySelector<T> keySelector, final RingPublisher<T>[] partitions, final boolean ordered)
    {
        this.keySelector = keySelector;
        this.partitions = partitions;
        this.ordered = ordered;
        if (ordered)
        {
            for (final RingPublisher<T> partition : partitions)
            {
                partition.writeOrders(this::publishProgressBeforeWaiting);
            }
        }
    }

    /**
     * @return the highest merge order whose events every partition's ring holds (published): no event
     * routed later has an order at or below it.
     */
    Sequence routed()
    {
        return routed;
    }

    private void nextOrder()
    {
        if (ordered)
        {
            lastOrder++;
            for (final RingPublisher<T> partition : partitions)
            {
                partition.order(lastOrder);
            }
        }
    }

    /**
     * About to wait for space in one partition's ring: publish every other partition's held-back slot and
     * say that everything before the event being sent is routed, so that the merge can go on with what
     * the partitions made of it (and so free the ring this waits on).
     */
    private void publishProgressBeforeWaiting()
    {
        for (final RingPublisher<T> partition : partitions)
        {
            partition.flush();
        }
        routed.set(lastOrder - 1);
    }

    /**
     * @param key        a record's key.
     * @param partitions how many partitions.
     * @return the partition owning the key: a slice of the key's mixed hash range, so that sequential
     * keys spread evenly.
     */
    static int partitionOf(final long key, final int partitions)
    {
        long hash = key * 0x9E3779B97F4A7C15L;
        hash ^= hash >>> 32;
        return (int)(((hash >>> 1) & Long.MAX_VALUE) % partitions);
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        final RingPublisher<T> partition = partitions[partitionOf(keySelector.key(record), partitions.length)];
        if (ordered)
        {
            partition.order(++lastOrder);
        }
        partition.context(sequence, originNs);
        partition.emit(record, timestamp);
        recordsOut++;
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        outputWatermark = watermark;
        nextOrder();
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.emitWatermark(watermark);
        }
    }

    @Override
    public void emitIdle()
    {
        nextOrder();
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.emitIdle();
        }
    }

    @Override
    void endOfBatch()
    {
        for (final RingPublisher<T> partition : partitions)
        {
            partition.endOfBatch();
        }
        if (ordered)
        {
            routed.set(lastOrder);
        }
    }

    @Override
    void endOfStream()
    {
        nextOrder();
        for (final RingPublisher<T> partition : partitions)
        {
            partition.endOfStream();
        }
    }

    @Override
    void processingTime(final long time)
    {
        nextOrder();
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.processingTime(time);
        }
    }

    @Override
    void barrier(final long checkpointId)
    {
        nextOrder();
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.barrier(checkpointId);
        }
    }

    @Override
    long backPressureWaits()
    {
        long waits = 0;
        for (final RingPublisher<T> partition : partitions)
        {
            waits += partition.backPressureWaits();
        }
        return waits;
    }

    @Override
    long backPressureNs()
    {
        long ns = 0;
        for (final RingPublisher<T> partition : partitions)
        {
            ns += partition.backPressureNs();
        }
        return ns;
    }
}
