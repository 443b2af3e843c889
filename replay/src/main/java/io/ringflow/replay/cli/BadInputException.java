package io.ringflow.replay.cli;

/**
 * Input that a command cannot use as asked (a missing file, an unknown pipeline class, a journal of the
 * wrong kind): reported as one line and {@link RingflowCli#EXIT_BAD_INPUT}. Its message names the thing
 * and what is wrong with it, and reads well after the command's name.
 */
final class BadInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    BadInputException(final String message)
    {
        super(message);
    }

    BadInputException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
