package io.ringflow.journal;

/**
 * A journal cannot be opened or read as asked: corrupt or truncated excerpt, wrong schema, sequence out
 * of range. The message names the journal directory and the index concerned.
 */
public class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * @param message what failed, where.
     * @param cause   the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
