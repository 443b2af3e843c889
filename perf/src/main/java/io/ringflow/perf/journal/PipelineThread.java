package io.ringflow.perf.journal;

import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.FastIngress;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.window.WindowResult;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A journaled run's second thread: {@link DurablePipeline#run()}, which (stepped) tails or writes the input
 * journal and runs every stage, and keeps its report or failure for the benchmark thread.
 * <p>
 * Threading: constructed, awaited and checked from the benchmark thread; {@code run()} on its own daemon
 * thread (daemon: a pipeline stuck after a failed invocation must not keep JMH's forked JVM alive).
 */
final class PipelineThread
{
    /** Generous: a run of 10M records on a loaded 2-core machine takes seconds, not minutes. */
    static final long END_TIMEOUT_MS = 120_000;
    private static final long START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long STOP_TIMEOUT_MS = 10_000;

    private final String mode;
    private final DurablePipeline<Payment, WindowResult> pipeline;
    private final Thread thread;
    private volatile RecoveryReport report;
    private volatile Throwable failure;

    /**
     * Start {@code run()} on a new thread.
     *
     * @param mode     names the run in messages and the thread.
     * @param pipeline built, not run yet.
     */
    PipelineThread(final String mode, final DurablePipeline<Payment, WindowResult> pipeline)
    {
        this.mode = mode;
        this.pipeline = pipeline;
        this.thread = new Thread(this::run, "journal-modes-" + mode + "-pipeline");
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        try
        {
            report = pipeline.run();
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;
        }
    }

    /**
     * Durable mode: return once recovery is done and the pipeline tails the journal, so that its start stays
     * out of the measurement. Yields while it waits: the pipeline thread needs the other core.
     */
    void awaitRunning()
    {
        final long deadlineNs = System.nanoTime() + START_TIMEOUT_NS;
        while (null == pipeline.runtime())
        {
            if (!thread.isAlive() || System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException(mode + ": the pipeline did not start" + (thread.isAlive() ?
                    " within " + TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NS) + " s" : ""), failure);
            }
            Thread.yield();
        }
    }

    /**
     * Fast mode: wait until recovery is done and {@code run()} hands over the ingress. Call on the thread
     * that will publish.
     *
     * @return the producer's ingress.
     */
    FastIngress<Payment> fastIngress()
    {
        try
        {
            return pipeline.fastIngress(START_TIMEOUT_NS, TimeUnit.NANOSECONDS);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException(mode + ": the pipeline did not hand over its ingress within " +
                TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NS) + " s", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(mode + ": interrupted while waiting for the ingress", ex);
        }
    }

    /**
     * Wait for {@code run()} to return, after the producer ended the stream.
     *
     * @throws IllegalStateException if it failed or is still running after {@link #END_TIMEOUT_MS}.
     */
    void awaitEnd()
    {
        join(END_TIMEOUT_MS);
        if (thread.isAlive())
        {
            throw new IllegalStateException(mode + ": the pipeline did not reach the end-of-stream within " +
                END_TIMEOUT_MS + " ms");
        }
        if (null != failure)
        {
            throw new IllegalStateException(mode + ": the pipeline failed: " + failure, failure);
        }
    }

    /**
     * Check the run's report against a fresh start fed every record through to the end-of-stream.
     *
     * @param records            payments published.
     * @param expectedResults    window results the output journal must hold.
     * @param minimumCheckpoints checkpoints the record-count schedule alone takes.
     */
    void verify(final long records, final long expectedResults, final long minimumCheckpoints)
    {
        final RecoveryReport run = report;
        if (null != failure || null == run || run.restoredCheckpointId() >= 0 || run.recordsFed() != records ||
            !run.reachedEndOfStream() || run.outputsAppended() != expectedResults || run.outputsVerified() != 0 ||
            run.checkpointsCommitted() < minimumCheckpoints)
        {
            throw new IllegalStateException(mode + ": expected a fresh start, " + records + " records fed, " +
                expectedResults + " results journaled, " + minimumCheckpoints + "+ checkpoints and the end-of-stream; " +
                "the run " + (null != failure ? "failed: " + failure : null == run ? "returned nothing" : run.describe()),
                failure);
        }
    }

    /** @return the run's report, or null before it returned. */
    RecoveryReport report()
    {
        return report;
    }

    /**
     * After a failed invocation: ask a pipeline still running to stop, and wait a while for it. In fast mode
     * the producer must have halted or ended the stream first: the pipeline cannot stop for it.
     *
     * @return true if {@code run()} has returned (its files may be deleted).
     */
    boolean stop()
    {
        if (thread.isAlive())
        {
            pipeline.stop();
            join(STOP_TIMEOUT_MS);
        }
        return !thread.isAlive();
    }

    private void join(final long timeoutMs)
    {
        try
        {
            thread.join(timeoutMs);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(mode + ": interrupted while waiting for the pipeline", ex);
        }
    }
}
