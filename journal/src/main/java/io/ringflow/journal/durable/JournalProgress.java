package io.ringflow.journal.durable;

import io.ringflow.journal.JournalException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the fast mode's journaling thread has got: the sequence of the last entry journaled, and its
 * failure if it failed. Outputs and checkpoints wait on it, so that nothing leaves the pipeline ahead of
 * the input that caused it.
 * <p>
 * Threading: one journaling thread advances and fails it; any thread awaits it (the journaling thread
 * itself only after {@link #journalWhileWaiting}).
 */
final class JournalProgress
{
    private static final int SPINS = 1_000;

    private final AtomicLong journaled;
    private volatile Throwable failure;
    private Runnable journalMore;

    /** @param journaled the sequence of the journal's last entry, or -1. */
    JournalProgress(final long journaled)
    {
        this.journaled = new AtomicLong(journaled);
    }

    /**
     * For a run whose one thread journals and steps the stages: a wait journals instead of spinning (it
     * would wait for itself otherwise).
     *
     * @param journalMore journals what the producer handed over; called on the waiting thread.
     */
    void journalWhileWaiting(final Runnable journalMore)
    {
        this.journalMore = journalMore;
    }

    /** @param sequence the last entry journaled: the sequences journaled only grow. */
    void journaled(final long sequence)
    {
        journaled.lazySet(sequence);
    }

    /** @param cause why journaling or the run stopped: every waiter fails with it. */
    void fail(final Throwable cause)
    {
        failure = cause;
    }

    /** @return the sequence of the last entry journaled. */
    long journaled()
    {
        return journaled.get();
    }

    /**
     * Wait until the entry with this sequence is journaled: spinning first (the journal is normally ahead
     * of processing, so the wait is rare and short), then yielding.
     *
     * @param sequence the sequence of an input this thread is about to let out.
     * @throws JournalException if journaling failed: what was about to be output must not be.
     */
    void await(final long sequence)
    {
        for (int attempt = 0; journaled.get() < sequence; attempt++)
        {
            final Throwable cause = failure;
            if (null != cause)
            {
                throw new JournalException("input sequence " + sequence + " was not journaled when the run failed: " +
                    cause.getMessage(), cause);
            }
            if (null != journalMore)
            {
                journalMore.run();
            }
            else if (attempt < SPINS)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
    }
}
