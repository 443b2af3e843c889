package io.ringflow.pipeline.runtime;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;

/**
 * The end of a stage's chain: where its records, watermarks and side outputs leave the stage. The
 * stage tells it which input event is being processed ({@link #context}), so that every output carries
 * the ingress sequence and origin time of the input it descends from.
 * <p>
 * Threading: used only by the stage's thread.
 *
 * @param <T> record type.
 */
abstract class StageOutput<T> implements Output<T>
{
    protected long sequence;
    protected long originNs;
    /** The merge order of the input being processed (rings around a key-partitioned stage only). */
    protected long order;
    protected long recordsOut;
    /** The last watermark this output passed on; written by the stage thread only. */
    protected long outputWatermark = Long.MIN_VALUE;
    private SideOutputs sideOutputs = SideOutputs.NONE;

    final void context(final long sequence, final long originNs)
    {
        this.sequence = sequence;
        this.originNs = originNs;
    }

    /**
     * @param order the merge order of the input event being processed, which its outputs inherit
     *              (set only by a stage of a key-partitioned sequenced pipeline that reads orders).
     */
    final void order(final long order)
    {
        this.order = order;
    }

    final void sideOutputs(final SideOutputs sideOutputs)
    {
        this.sideOutputs = sideOutputs;
    }

    final SideOutputs sideOutputs()
    {
        return sideOutputs;
    }

    @Override
    public final <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        sideOutputs.route(tag, record, timestamp);
    }

    /** The stage finished a batch of input events: publish what is pending, flush. */
    abstract void endOfBatch();

    /** The stage's input ended: pass end-of-stream on. */
    abstract void endOfStream();

    /**
     * Pass processing time on, in-band, after what the chain emitted for it.
     *
     * @param time the processing time.
     */
    abstract void processingTime(long time);

    /**
     * Pass a checkpoint barrier on, behind everything emitted before it (the stage snapshotted already).
     *
     * @param checkpointId the barrier's id.
     */
    abstract void barrier(long checkpointId);

    /** @return times a publish found the next ring full. */
    long backPressureWaits()
    {
        return 0;
    }

    /** @return nanoseconds spent waiting for space in the next ring. */
    long backPressureNs()
    {
        return 0;
    }

    /** @return the last watermark the stage emitted (its operators may generate their own). */
    final long outputWatermark()
    {
        return outputWatermark;
    }

    /** @return main-output records emitted. */
    final long recordsOut()
    {
        return recordsOut;
    }
}
