package io.ringflow.pipeline;

/**
 * What happened to a record offered at the ingress. A code, not an exception, so that a producer can
 * decide what to do when the pipeline cannot keep up (the Aeron convention).
 */
public enum PublishResult
{
    /** Accepted: the record will be processed, and survives {@code drain()} and {@code close()}. */
    OK,

    /** Not accepted: the ingress ring is full (or stayed full for the whole wait). Try again later. */
    BACK_PRESSURED,

    /** Not accepted: the pipeline is draining, closed or failed, and takes no more records. */
    CLOSED
}
