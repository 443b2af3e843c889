package io.ringflow.pipeline.runtime;

import io.ringflow.operators.KeySelector;

/**
 * Feeds a key-partitioned parallel stage: each record goes to the ring of the partition that owns its
 * key, so all records of a key meet the same operator instance in their original order; watermarks,
 * idleness and end-of-stream go to every partition.
 * <p>
 * Threading: one stage thread.
 *
 * @param <T> record type.
 */
final class PartitionedPublisher<T> extends StageOutput<T>
{
    private final KeySelector<T> keySelector;
    private final RingPublisher<T>[] partitions;

    PartitionedPublisher(final KeySelector<T> keySelector, final RingPublisher<T>[] partitions)
    {
        this.keySelector = keySelector;
        this.partitions = partitions;
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
        partition.context(sequence, originNs);
        partition.emit(record, timestamp);
        recordsOut++;
    }

    @Override
    public void emitWatermark(final long watermark)
    {
        outputWatermark = watermark;
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.emitWatermark(watermark);
        }
    }

    @Override
    public void emitIdle()
    {
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
    }

    @Override
    void endOfStream()
    {
        for (final RingPublisher<T> partition : partitions)
        {
            partition.endOfStream();
        }
    }

    @Override
    void processingTime(final long time)
    {
        for (final RingPublisher<T> partition : partitions)
        {
            partition.context(sequence, originNs);
            partition.processingTime(time);
        }
    }

    @Override
    void barrier(final long checkpointId)
    {
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
