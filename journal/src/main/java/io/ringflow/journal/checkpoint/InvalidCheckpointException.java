package io.ringflow.journal.checkpoint;

/**
 * A committed checkpoint fails verification. Checked and package-private on purpose: the store catches
 * it, warns and falls back to the previous checkpoint, so it never reaches users.
 */
final class InvalidCheckpointException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * @param what what is wrong, without the file name: the caller prefixes it.
     */
    InvalidCheckpointException(final String what)
    {
        super(what);
    }
}
