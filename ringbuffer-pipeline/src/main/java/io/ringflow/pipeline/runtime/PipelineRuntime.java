package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.Ingress;
import io.ringflow.pipeline.PipelineException;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.SequencedIngress;
import io.ringflow.pipeline.metrics.CountersFile;
import io.ringflow.pipeline.metrics.LatencyRecorders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running pipeline: an ingress ring, stages in a line (each possibly key-partitioned), a sink. Built
 * by {@link PipelineBuilder} (or the DSL on top of it).
 * <p>
 * Two modes. <b>Threaded</b>: {@link #start()} gives every stage (every partition) a thread of its own.
 * <b>Stepped</b>: no thread at all; the caller runs the stages with {@link #step()}, in order, which
 * makes a run deterministic (tests, replay). Both run the same stage code and give the same output.
 * <p>
 * Lifecycle: {@code start → publish … → drain → close}. {@link #drain} refuses new records, waits for
 * everything accepted to pass through every stage, and fires what end of input fires. {@link #close}
 * drains if that was not done, stops the threads and frees the operators' off-heap state.
 * <p>
 * Threading: {@link #ingress()} as its producer mode allows; {@link #stats()} and the latency
 * histogram from any thread; everything else from one controlling thread (under
 * {@code ProducerMode.SINGLE}, the producer thread).
 *
 * @param <T> ingress record type.
 */
public final class PipelineRuntime<T> implements AutoCloseable
{
    /** How long {@link #close()} waits for a drain it has to do itself. */
    public static final long DEFAULT_DRAIN_TIMEOUT_MS = 30_000;
    /** How long stopping waits for each stage thread before it leaves the thread and its operators be. */
    private static final long STOP_WAIT_NS = TimeUnit.SECONDS.toNanos(5);

    private final String name;
    private final boolean stepped;
    private final List<Stage<?, ?>> stages = new ArrayList<>();
    private final StageThreads threads = new StageThreads();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<String> warnings = ConcurrentHashMap.newKeySet();
    private Ingress<T> ingress;
    private SequencedIngress<T> sequencedIngress;
    private IngressControl ingressControl;
    private LatencyRecorders latency;
    private CountersFile countersFile;
    private volatile boolean aborted;
    private boolean started;
    private boolean drained;
    private boolean closed;

    PipelineRuntime(final String name, final boolean stepped)
    {
        this.name = name;
        this.stepped = stepped;
    }

    void ingress(final RingIngress<T> ingress)
    {
        this.ingress = ingress;
        this.ingressControl = ingress;
    }

    void sequencedIngress(final SequencedRingIngress<T> ingress)
    {
        this.sequencedIngress = ingress;
        this.ingressControl = ingress;
    }

    void addStage(final Stage<?, ?> stage, final StageRunner runner)
    {
        stages.add(stage);
        threads.add(runner);
    }

    void metrics(final LatencyRecorders latency, final CountersFile countersFile)
    {
        this.latency = latency;
        this.countersFile = countersFile;
    }

    /** @return the pipeline's name. */
    public String name()
    {
        return name;
    }

    /**
     * @return where producers publish. Publishing before {@link #start()} is allowed up to the ring's size.
     * @throws IllegalStateException for a {@link ProducerMode#SEQUENCED} pipeline: use {@link #sequencedIngress()}.
     */
    public Ingress<T> ingress()
    {
        if (null == ingress)
        {
            throw new IllegalStateException("pipeline '" + name + "' takes sequenced input: use sequencedIngress()");
        }
        return ingress;
    }

    /**
     * @return where the one sequenced source publishes records, processing time and barriers.
     * @throws IllegalStateException unless the pipeline was built with {@link ProducerMode#SEQUENCED}.
     */
    public SequencedIngress<T> sequencedIngress()
    {
        if (null == sequencedIngress)
        {
            throw new IllegalStateException("pipeline '" + name + "' was not built with ProducerMode.SEQUENCED");
        }
        return sequencedIngress;
    }

    /**
     * Describe one key's state in every stage (see {@code OneInputOperator.describeKey}): what replay and
     * {@code ringflow state} print at a stop. It may scan whole state tables and allocates.
     * <p>
     * Threading: stepped mode only, on the stepping thread between steps (stage threads would race).
     *
     * @param key the key, as the stages' key selectors compute it.
     * @return one line per item, each prefixed with its stage's name.
     * @throws IllegalStateException on a threaded pipeline.
     */
    public List<String> describeKey(final long key)
    {
        if (!stepped)
        {
            throw new IllegalStateException("pipeline '" + name + "' runs on threads; describeKey needs the stepped mode");
        }
        final List<String> lines = new ArrayList<>();
        final List<String> stageLines = new ArrayList<>();
        for (final Stage<?, ?> stage : stages)
        {
            stageLines.clear();
            stage.chain().describeKey(key, stageLines);
            for (final String line : stageLines)
            {
                lines.add(stage.name + ": " + line);
            }
        }
        return lines;
    }

    /** @return true in the stepped (thread-free) mode. */
    public boolean isStepped()
    {
        return stepped;
    }

    /**
     * Start the stage threads (a no-op in the stepped mode).
     *
     * @return this.
     */
    public PipelineRuntime<T> start()
    {
        if (started)
        {
            throw new IllegalStateException("pipeline '" + name + "' is started already");
        }
        started = true;
        if (!stepped)
        {
            threads.start("ringflow-" + name + "-", stages);
        }
        return this;
    }

    /**
     * Stepped mode: run every stage once, in pipeline order.
     *
     * @return events processed by all stages together; 0 means nothing was waiting anywhere.
     * @throws PipelineException if a stage failed.
     */
    public int step()
    {
        if (!stepped)
        {
            throw new IllegalStateException("pipeline '" + name + "' runs on threads; step() is for the stepped mode");
        }
        throwIfFailed();
        int work = 0;
        // indexed, not for-each: a replay steps once per record, and an iterator per step is garbage per record
        final List<Stage<?, ?>> stages = this.stages;
        for (int i = 0, n = stages.size(); i < n; i++)
        {
            final Stage<?, ?> stage = stages.get(i);
            try
            {
                work += stage.doWork();
            }
            catch (final RuntimeException | Error ex)
            {
                fail(stage, ex);
                throwIfFailed();
            }
        }
        return work;
    }

    /**
     * Stepped mode: step until no stage has anything left to do.
     *
     * @return events processed.
     */
    public long stepUntilIdle()
    {
        long total = 0;
        int work;
        while ((work = step()) > 0)
        {
            total += work;
        }
        return total;
    }

    /**
     * Drain with {@link #DEFAULT_DRAIN_TIMEOUT_MS}.
     */
    public void drain()
    {
        drain(DEFAULT_DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Refuse new records, then wait until everything accepted has passed through every stage and end of
     * input has fired every window. Idempotent.
     *
     * @param timeout how long to wait for the stages.
     * @param unit    unit of {@code timeout}.
     * @throws PipelineException if a stage failed (with the stage, record and cause), or did not finish in
     *                           time (naming the first stage still busy and how far it got).
     */
    public void drain(final long timeout, final TimeUnit unit)
    {
        if (!started)
        {
            start();
        }
        if (!drained)
        {
            closeIngress();
            if (stepped)
            {
                drainStepped();
            }
            else
            {
                drainThreads(unit.toNanos(timeout));
            }
            drained = true;
        }
        throwIfFailed();
    }

    private void closeIngress()
    {
        try
        {
            ingressControl.close();
        }
        catch (final StageAbortedException | IllegalStateException ex)
        {
            ingressControl.fail();
            failure.compareAndSet(null, ex);
        }
    }

    private void drainStepped()
    {
        while (failure.get() == null && !isFinished())
        {
            if (step() == 0 && !isFinished())
            {
                throw new PipelineException("pipeline '" + name + "': " + firstUnfinished() + " has nothing left to " +
                    "process but did not see end-of-stream");
            }
        }
    }

    private void drainThreads(final long timeoutNs)
    {
        threads.joinAll(System.nanoTime() + timeoutNs);
        if (failure.get() == null && !isFinished())
        {
            final Stage<?, ?> stuck = firstUnfinished();
            throw new PipelineException("pipeline '" + name + "': " + stuck + " did not finish within " +
                TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms: it took " + stuck.recordsIn() + " records so far and " +
                stuck.occupancy() + " events wait in its ring");
        }
    }

    private Stage<?, ?> firstUnfinished()
    {
        for (final Stage<?, ?> stage : stages)
        {
            if (!stage.isFinished())
            {
                return stage;
            }
        }
        return stages.get(stages.size() - 1);
    }

    /** @return true once end-of-stream passed through every stage. */
    public boolean isFinished()
    {
        for (final Stage<?, ?> stage : stages)
        {
            if (!stage.isFinished())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Drain if not drained yet (never losing accepted records), stop the threads and free the operators.
     * A stage thread that does not stop keeps its operators (they are not freed under it) and is reported.
     *
     * @throws PipelineException if the drain failed; the pipeline is closed anyway.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            drain();
        }
        finally
        {
            stopAndRelease();
        }
    }

    private void stopAndRelease()
    {
        aborted = true;
        for (final Stage<?, ?> stage : stages)
        {
            stage.input().barrier.alert();
        }
        final List<String> stillRunning = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++)
        {
            if (threads.awaitStopped(i, STOP_WAIT_NS))
            {
                stages.get(i).chain().close();
            }
            else
            {
                stillRunning.add(stages.get(i).name);
            }
        }
        if (!stillRunning.isEmpty())
        {
            System.err.println("ringflow: pipeline '" + name + "': stages " + stillRunning +
                " did not stop; their operators and counters were not freed");
        }
        else if (null != countersFile)
        {
            countersFile.close();
        }
    }

    /**
     * Abort: stop every stage where it is, without draining. Accepted records not yet processed are
     * lost (a journaled pipeline recovers them). For tests of crash behaviour and for shutdown hooks.
     */
    public void abort()
    {
        ingressControl.fail();
        closed = true;
        stopAndRelease();
    }

    void fail(final Stage<?, ?> stage, final Throwable cause)
    {
        final PipelineException error = cause instanceof PipelineException ? (PipelineException)cause :
            new PipelineException("stage '" + stage.name + "' failed: " + cause, cause);
        if (failure.compareAndSet(null, error))
        {
            ingressControl.fail();
            aborted = true;
            for (final Stage<?, ?> each : stages)
            {
                each.input().barrier.alert();
            }
        }
    }

    private void throwIfFailed()
    {
        final Throwable cause = failure.get();
        if (null != cause)
        {
            if (cause instanceof PipelineException)
            {
                throw new PipelineException("pipeline '" + name + "' failed: " + cause.getMessage(), cause.getCause());
            }
            throw new PipelineException("pipeline '" + name + "' failed: " + cause, cause);
        }
    }

    boolean isAborted()
    {
        return aborted;
    }

    void warnOnce(final String message)
    {
        if (warnings.add(message))
        {
            System.err.println(message);
        }
    }

    /** @return the failure that stopped the pipeline, or null. */
    public Throwable failure()
    {
        return failure.get();
    }

    /** @return every stage's figures, in pipeline order (partitions as separate entries). */
    public List<StageStats> stats()
    {
        final List<StageStats> result = new ArrayList<>(stages.size());
        for (final Stage<?, ?> stage : stages)
        {
            result.add(StageStats.of(stage));
        }
        return result;
    }

    /**
     * Latency recorders: end to end (ingress publish to the end of processing in the last stage, when
     * tracked) and per-stage service time
     * (when tracked). Read intervals from one reporting thread; an {@code IntervalLog} writes them in
     * HdrHistogram's log format.
     *
     * @return the recorders.
     */
    public LatencyRecorders latency()
    {
        return latency;
    }

    /** @return the memory-mapped counters file another process can read, or null when not asked for. */
    public java.nio.file.Path countersPath()
    {
        return null == countersFile ? null : countersFile.path();
    }

    /** @return the CPUs stage threads are pinned to, in stage order, -1 where unpinned. */
    public int[] pinnedCpus()
    {
        return threads.pinnedCpus();
    }
}
