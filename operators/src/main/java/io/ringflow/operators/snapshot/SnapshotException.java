package io.ringflow.operators.snapshot;

/**
 * A snapshot cannot be restored: truncated, corrupt (checksum mismatch), of another operator type,
 * or of an unsupported version. The message names what was wrong and where.
 */
public class SnapshotException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong and where.
     */
    public SnapshotException(final String message)
    {
        super(message);
    }
}
