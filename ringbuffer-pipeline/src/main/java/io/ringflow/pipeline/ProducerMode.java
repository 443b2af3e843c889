package io.ringflow.pipeline;

/**
 * Who publishes into a pipeline's ingress ring.
 */
public enum ProducerMode
{
    /**
     * Exactly one thread publishes, and the same thread (or one that happens-after it stopped
     * publishing, e.g. after {@code join()}) drains or closes the pipeline. Cheapest claim: no CAS.
     */
    SINGLE,

    /** Any number of threads publish concurrently; the ring's claim is a CAS. */
    MULTI,

    /**
     * One thread feeds the pipeline from a sequenced source, a journal: it gives every record its
     * sequence and delivers processing time and checkpoint barriers in-band, through
     * {@code PipelineRuntime.sequencedIngress()}. Stages read no clock. What recovery and replay use.
     */
    SEQUENCED
}
