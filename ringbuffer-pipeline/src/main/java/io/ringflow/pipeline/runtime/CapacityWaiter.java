package io.ringflow.pipeline.runtime;

/**
 * What a publisher does while the ring it publishes into is full. On threads it backs off and watches
 * for an aborted pipeline; in the stepped mode it runs the consuming stage, since nobody else will.
 */
interface CapacityWaiter
{
    /**
     * Called repeatedly until the ring has space.
     *
     * @param ring    the full ring.
     * @param attempt how many times this wait called already, from 0.
     * @throws StageAbortedException when the pipeline failed or was aborted, to unwind the stage.
     */
    void awaitCapacity(Ring<?> ring, int attempt);
}
