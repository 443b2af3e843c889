package io.ringflow.pipeline;

/**
 * A pipeline failed or could not be built: the message names the stage, and for a failing record its
 * ingress sequence and the record itself.
 */
public class PipelineException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where.
     */
    public PipelineException(final String message)
    {
        super(message);
    }

    /**
     * @param message what went wrong and where.
     * @param cause   the underlying failure.
     */
    public PipelineException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
