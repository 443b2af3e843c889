package io.ringflow.pipeline.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads of a threaded pipeline, one per stage (per partition), in stage order: started together,
 * joined against one deadline, and asked which are still alive so that nothing is freed under them.
 * <p>
 * Threading: used by the pipeline's controlling thread.
 */
final class StageThreads
{
    private final List<StageRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    void add(final StageRunner runner)
    {
        runners.add(runner);
    }

    /**
     * @param threadNamePrefix prefix of every thread's name; the stage name follows.
     * @param stages           the stages, in the order their runners were added.
     */
    void start(final String threadNamePrefix, final List<Stage<?, ?>> stages)
    {
        for (int i = 0; i < runners.size(); i++)
        {
            final Thread thread = new Thread(runners.get(i), threadNamePrefix + stages.get(i).name);
            // daemon: an application that exits without close() must not hang on a spinning stage
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /**
     * @param deadlineNs {@code System.nanoTime()} value to give up at.
     */
    void joinAll(final long deadlineNs)
    {
        for (final Thread thread : threads)
        {
            join(thread, deadlineNs);
        }
    }

    /**
     * @param stage which stage, by position.
     * @param waitNs how long to wait for it.
     * @return true if its thread ended (or it never had one: the stepped mode).
     */
    boolean awaitStopped(final int stage, final long waitNs)
    {
        if (stage >= threads.size())
        {
            return true;
        }
        final Thread thread = threads.get(stage);
        join(thread, System.nanoTime() + waitNs);
        return !thread.isAlive();
    }

    private static void join(final Thread thread, final long deadlineNs)
    {
        try
        {
            final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (leftMs > 0)
            {
                thread.join(leftMs);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the CPUs the stage threads are pinned to, in stage order, -1 where unpinned. */
    int[] pinnedCpus()
    {
        final int[] cpus = new int[runners.size()];
        for (int i = 0; i < cpus.length; i++)
        {
            cpus[i] = runners.get(i).pinnedCpu();
        }
        return cpus;
    }
}
