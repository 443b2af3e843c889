package io.ringflow.pipeline.runtime;

/**
 * The two ways to wait for a full ring: back off on a thread, or step the consumer in the stepped mode.
 */
final class Waiters
{
    /** Stepping a consumer this many times without it freeing a slot means it cannot: a bug, not a wait. */
    private static final int STEPPED_ATTEMPTS = 1_000;

    private Waiters()
    {
    }

    static CapacityWaiter threaded(final PipelineRuntime<?> runtime)
    {
        return (ring, attempt) ->
        {
            if (runtime.isAborted())
            {
                throw new StageAbortedException("pipeline aborted while waiting for space in " + ring);
            }
            Backoff.pause(attempt);
        };
    }

    static CapacityWaiter stepped()
    {
        return (ring, attempt) ->
        {
            final Stage<?, ?> consumer = ring.consumer();
            if (attempt >= STEPPED_ATTEMPTS || consumer.isFinished())
            {
                throw new IllegalStateException(ring + " stays full: its consumer " + consumer + " makes no progress");
            }
            consumer.doWork();
        };
    }
}
