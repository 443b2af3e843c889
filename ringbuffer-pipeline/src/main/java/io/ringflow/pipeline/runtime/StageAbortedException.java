package io.ringflow.pipeline.runtime;

/**
 * Unwinds a stage thread blocked in a publish when the pipeline failed elsewhere or was aborted.
 * Never caught by the dead-letter policy; carries no stack trace (it is a control signal).
 */
final class StageAbortedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    StageAbortedException(final String message)
    {
        super(message, null, false, false);
    }
}
