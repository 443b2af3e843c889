package io.ringflow.pipeline.runtime;

import io.ringflow.operators.Timestamps;

import java.util.Arrays;

/**
 * What travels in-band beside each ring slot's record: its kind, event timestamp, the watermark that
 * followed it, the ingress sequence and origin time of the input it descends from, and the producer
 * (partition) that published it. Records, watermarks, idleness and end-of-stream share the ring, so
 * they stay in order.
 * <p>
 * Held as parallel primitive arrays indexed like the ring, not as a field block in an envelope object
 * per slot: a hand-off then moves the record's own cache line plus a sixteenth of a line per field,
 * instead of a second whole line for the envelope. On the ingress ring a record's producer writes no
 * envelope field but the origin (when latency is tracked): see {@link Ring#ingress}.
 * Written by a producer before it publishes the slot, read by the consumer after it sees the slot
 * published: the ring's cursor orders them.
 */
final class Envelopes
{
    static final int RECORD = 0;
    static final int WATERMARK = 1;
    static final int IDLE = 2;
    static final int END_OF_STREAM = 3;
    /** A claimed slot that carries nothing: a publish refused after close, or a translator that threw. */
    static final int SKIP = 4;
    /** Processing time advanced to the timestamp: in-band, so that a replay delivers it at the same place. */
    static final int TICK = 5;
    /** A checkpoint barrier; the timestamp holds the checkpoint id. */
    static final int BARRIER = 6;

    static final long NO_WATERMARK = Long.MIN_VALUE;

    private final int mask;
    final int[] kinds;
    /** Event time of a record; the watermark of a WATERMARK, the time of a TICK, the id of a BARRIER. */
    final long[] timestamps;
    /** The watermark its producer emitted right after the record, riding in the same slot, or NO_WATERMARK. */
    final long[] watermarksAfter;
    /** Ingress sequence of the input record the event descends from. */
    final long[] sequences;
    /** {@code System.nanoTime()} at ingress of that input record (or the origin given), for latency. */
    final long[] originsNs;
    /** Which upstream producer (partition) published it, for watermark combining. */
    final int[] producers;
    /**
     * Merge order, on the rings into and out of a key-partitioned stage of a sequenced pipeline only (null
     * elsewhere): the number the routing stage gave the event it descends from ({@link MergedInput} merges by it).
     */
    final long[] orders;

    /**
     * @param size   slots.
     * @param orders whether events carry merge orders.
     */
    Envelopes(final int size, final boolean orders)
    {
        mask = size - 1;
        kinds = new int[size];
        timestamps = new long[size];
        watermarksAfter = new long[size];
        sequences = new long[size];
        originsNs = new long[size];
        producers = new int[size];
        this.orders = orders ? new long[size] : null;
        Arrays.fill(timestamps, Timestamps.NO_TIMESTAMP);
        Arrays.fill(watermarksAfter, NO_WATERMARK);
    }

    int index(final long ringSequence)
    {
        return (int)ringSequence & mask;
    }

    /**
     * Copy slot {@code i}'s fields to slot {@code j} of another (a stepped merge's spill queue).
     *
     * @param i  the slot here.
     * @param to the other envelopes; they carry merge orders.
     * @param j  the slot there.
     */
    void copyTo(final int i, final Envelopes to, final int j)
    {
        to.kinds[j] = kinds[i];
        to.timestamps[j] = timestamps[i];
        to.watermarksAfter[j] = watermarksAfter[i];
        to.sequences[j] = sequences[i];
        to.originsNs[j] = originsNs[i];
        to.producers[j] = producers[i];
        to.orders[j] = orders[i];
    }

    void setRecord(
        final int index, final long timestamp, final long sequence, final long originNs, final int producer)
    {
        kinds[index] = RECORD;
        timestamps[index] = timestamp;
        watermarksAfter[index] = NO_WATERMARK;
        sequences[index] = sequence;
        originsNs[index] = originNs;
        producers[index] = producer;
    }

    void setControl(
        final int index, final int kind, final long timestamp, final long sequence, final long originNs, final int producer)
    {
        kinds[index] = kind;
        timestamps[index] = timestamp;
        watermarksAfter[index] = NO_WATERMARK;
        sequences[index] = sequence;
        originsNs[index] = originNs;
        producers[index] = producer;
    }
}
