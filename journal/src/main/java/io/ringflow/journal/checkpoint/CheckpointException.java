package io.ringflow.journal.checkpoint;

import io.ringflow.journal.JournalException;

/**
 * A checkpoint cannot be written or read as asked: a snapshot or manifest that cannot be written, a
 * snapshot file that is missing or fails its checksum, ids that do not increase, or a directory that
 * holds another pipeline's checkpoints. The message names the file or directory concerned.
 */
public class CheckpointException extends JournalException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where.
     */
    public CheckpointException(final String message)
    {
        super(message);
    }

    /**
     * @param message what failed, where.
     * @param cause   the underlying failure.
     */
    public CheckpointException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
