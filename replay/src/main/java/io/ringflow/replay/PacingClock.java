package io.ringflow.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * The wall clock a paced replay waits on; replaceable so that tests check pacing without sleeping.
 * <p>
 * Threading: the replaying thread.
 */
public interface PacingClock
{
    /** The system's monotonic clock, waiting by parking. */
    PacingClock SYSTEM = new PacingClock()
    {
        @Override
        public long nanoTime()
        {
            return System.nanoTime();
        }

        @Override
        public void waitUntil(final long deadlineNs)
        {
            long remaining;
            while ((remaining = deadlineNs - System.nanoTime()) > 0)
            {
                LockSupport.parkNanos(remaining);
            }
        }
    };

    /** @return now, in nanoseconds of an arbitrary origin. */
    long nanoTime();

    /**
     * Return at or after the deadline.
     *
     * @param deadlineNs a {@link #nanoTime()} value.
     */
    void waitUntil(long deadlineNs);
}
