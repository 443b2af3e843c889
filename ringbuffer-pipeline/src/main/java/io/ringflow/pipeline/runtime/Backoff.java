package io.ringflow.pipeline.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting for a full ring on a thread: spin briefly (space usually frees within microseconds), then
 * yield, then park, so that a waiting producer on a 2-core machine does not starve the consumer.
 */
final class Backoff
{
    private static final int SPINS = 64;
    private static final int YIELDS = 128;
    private static final long PARK_NS = 1_000;

    private Backoff()
    {
    }

    static void pause(final int attempt)
    {
        if (attempt < SPINS)
        {
            Thread.onSpinWait();
        }
        else if (attempt < SPINS + YIELDS)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(PARK_NS);
        }
    }
}
