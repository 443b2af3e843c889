package io.ringflow.pipeline.runtime;

import net.openhft.affinity.AffinityLock;
import org.agrona.concurrent.IdleStrategy;

/**
 * Runs one stage on its own thread until end-of-stream passed through it or the pipeline is aborted:
 * {@code idle.idle(stage.doWork())}. Pins the thread to a free core when asked and one is free;
 * otherwise runs unpinned and says so once.
 */
final class StageRunner implements Runnable
{
    private final Stage<?, ?> stage;
    private final IdleStrategy idle;
    private final boolean pin;
    private final PipelineRuntime<?> runtime;
    private volatile int pinnedCpu = -1;

    StageRunner(final Stage<?, ?> stage, final IdleStrategy idle, final boolean pin, final PipelineRuntime<?> runtime)
    {
        this.stage = stage;
        this.idle = idle;
        this.pin = pin;
        this.runtime = runtime;
    }

    @Override
    public void run()
    {
        final AffinityLock lock = pin ? acquireCore() : null;
        try
        {
            while (!stage.isFinished() && !runtime.isAborted())
            {
                idle.idle(stage.doWork());
            }
        }
        catch (final StageAbortedException ex)
        {
            // another stage failed, or close() gave up waiting: the failure is reported there
        }
        catch (final Throwable ex)
        {
            runtime.fail(stage, ex);
        }
        finally
        {
            if (null != lock)
            {
                lock.release();
            }
        }
    }

    private AffinityLock acquireCore()
    {
        try
        {
            final AffinityLock lock = AffinityLock.acquireLock();
            if (lock.isAllocated())
            {
                pinnedCpu = lock.cpuId();
                return lock;
            }
            lock.release();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // no native affinity support on this platform: fall through to running unpinned
        }
        runtime.warnOnce("ringflow: no free core to pin stage '" + stage.name + "' (" +
            Runtime.getRuntime().availableProcessors() + " CPUs); pinned stages run unpinned");
        return null;
    }

    /** @return the CPU this stage is pinned to, or -1. */
    int pinnedCpu()
    {
        return pinnedCpu;
    }
}
