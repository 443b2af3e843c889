package io.ringflow.perf.nexmark.pipeline;

/**
 * The consumer thread of a hand-written pipeline, watched by the producer: if the consumer dies (a query
 * throws), the producer's next wait throws with its cause instead of spinning for ever on a ring that no
 * longer drains.
 * <p>
 * Threading: {@link #start}, {@link #checkRunning} and {@link #join} on the producer thread.
 */
final class ConsumerThread
{
    private final Thread thread;
    private volatile Throwable failure;

    /**
     * @param name names the thread.
     * @param body the consumer's loop; it returns when told to stop.
     */
    ConsumerThread(final String name, final Runnable body)
    {
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, ex) -> failure = ex);
    }

    /** @return this, started. */
    ConsumerThread start()
    {
        thread.start();
        return this;
    }

    /** Throw if the consumer has ended; call while waiting on it (a native liveness check: not per event). */
    void checkRunning()
    {
        if (!thread.isAlive())
        {
            throw new IllegalStateException(thread.getName() + " ended while the producer waited on it", failure);
        }
    }

    /** Wait for the consumer to end, and throw if it failed. */
    void join()
    {
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + thread.getName(), ex);
        }
        if (null != failure)
        {
            throw new IllegalStateException(thread.getName() + " failed", failure);
        }
    }
}
