package io.ringflow.pipeline;

/**
 * What a stage does when a user function throws while it processes a record.
 * <p>
 * Either way the operator's state is what the function left it in: an exception thrown half-way
 * through an update is not rolled back. An exception while firing timers or windows (on a
 * watermark) always fails the pipeline, because the firing cannot be resumed where it stopped.
 */
public enum ErrorPolicy
{
    /**
     * Hand the record, its sequence, the stage and the exception to the dead-letter handler, count it,
     * and go on with the next record. The default.
     */
    DEAD_LETTER,

    /** Stop the pipeline: {@code drain()} and {@code close()} throw a {@link PipelineException} naming the record. */
    FAIL
}
