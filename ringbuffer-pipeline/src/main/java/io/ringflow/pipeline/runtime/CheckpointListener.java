package io.ringflow.pipeline.runtime;

import org.agrona.DirectBuffer;

/**
 * Receives what a checkpoint barrier collects on its way through a pipeline: each stage's state as the
 * barrier passes it, then the report from the last stage that its sink received every output of every
 * input before the barrier. Stages form a line, so the barrier needs no alignment: a stage's snapshot
 * holds exactly the effect of the inputs up to the barrier's sequence. The journal module's
 * checkpoint coordinator implements it; tests may too.
 * <p>
 * Threading: {@link #onStageSnapshot} is called on each stage's own thread, {@link #onBarrierAtSink} on
 * the last stage's thread. For one checkpoint id, every stage's snapshot call happens-before the sink
 * call (the barrier travels through the rings), but stages may already snapshot the next checkpoint
 * while the sink reports this one: an implementation must accept calls from several threads.
 */
public interface CheckpointListener
{
    /**
     * One stage's state: a framed snapshot (see {@code io.ringflow.operators.snapshot.Snapshots}).
     *
     * @param checkpointId the barrier's id.
     * @param stageName    the stage.
     * @param state        the bytes, valid only during the call: copy them.
     * @param length       how many bytes from offset 0.
     */
    void onStageSnapshot(long checkpointId, String stageName, DirectBuffer state, int length);

    /**
     * The barrier reached the end of the last stage: the sink has received, and been asked to flush
     * ({@code onEndOfBatch}), every output of the inputs up to {@code inputSequence}, and nothing after.
     *
     * @param checkpointId  the barrier's id.
     * @param inputSequence the sequence of the last input before the barrier.
     */
    void onBarrierAtSink(long checkpointId, long inputSequence);
}
