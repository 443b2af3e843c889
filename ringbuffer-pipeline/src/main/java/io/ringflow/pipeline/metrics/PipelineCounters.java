package io.ringflow.pipeline.metrics;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * Pipeline-level counters kept at ingress: records accepted, {@code tryPublish} calls answered
 * {@code BACK_PRESSURED}, and calls answered {@code CLOSED}. Labels are {@code "<pipelineName>: records
 * accepted"} and so on.
 * <p>
 * Threading: many writers. Any producer thread calls the {@code on...} methods; each is one atomic add
 * ({@code lock xadd} on x86) to a counter on its own 128-byte slot, so producers contend only on the
 * counter they touch. A producer that publishes in batches should call {@link #onAccepted(long)} once per
 * batch rather than once per record.
 */
public final class PipelineCounters
{
    /** Type id: records accepted at ingress. */
    public static final int RECORDS_ACCEPTED = 1101;
    /** Type id: ingress calls refused with {@code BACK_PRESSURED}. */
    public static final int BACK_PRESSURED = 1102;
    /** Type id: ingress calls refused with {@code CLOSED}. */
    public static final int REJECTED_CLOSED = 1103;

    /** Counters one pipeline allocates. */
    public static final int COUNTERS_PER_PIPELINE = 3;

    private final String pipelineName;
    private final AtomicCounter recordsAccepted;
    private final AtomicCounter backPressured;
    private final AtomicCounter rejectedClosed;

    private PipelineCounters(final String pipelineName, final CountersManager manager)
    {
        this.pipelineName = pipelineName;
        recordsAccepted = manager.newCounter(pipelineName + ": records accepted", RECORDS_ACCEPTED);
        backPressured = manager.newCounter(pipelineName + ": back-pressured", BACK_PRESSURED);
        rejectedClosed = manager.newCounter(pipelineName + ": rejected after close", REJECTED_CLOSED);
    }

    /**
     * Allocate the pipeline's counters in a counters file; call while the pipeline is built.
     *
     * @param file         where the counters live; needs {@link #COUNTERS_PER_PIPELINE} free counters.
     * @param pipelineName prefix of every label.
     * @return the counters, all 0.
     */
    public static PipelineCounters allocate(final CountersFile file, final String pipelineName)
    {
        if (file.countersManager().available() < COUNTERS_PER_PIPELINE)
        {
            throw new IllegalStateException("counters file " + file.path() + ": no room for the " +
                COUNTERS_PER_PIPELINE + " counters of pipeline '" + pipelineName + "'");
        }

        return new PipelineCounters(pipelineName, file.countersManager());
    }

    /**
     * Counters for a pipeline run with counters disabled: same behaviour, private memory, no file.
     *
     * @param pipelineName prefix of every label.
     * @return the private counters.
     */
    public static PipelineCounters disabled(final String pipelineName)
    {
        return new PipelineCounters(pipelineName, PrivateCounters.manager(COUNTERS_PER_PIPELINE));
    }

    /** @return the name the labels start with. */
    public String pipelineName()
    {
        return pipelineName;
    }

    /** Count one record accepted at ingress; any thread. */
    public void onAccepted()
    {
        recordsAccepted.increment();
    }

    /** @param count records accepted at ingress in one batch; any thread. */
    public void onAccepted(final long count)
    {
        recordsAccepted.getAndAdd(count);
    }

    /**
     * Publish the total of records accepted, for an ingress that counts them without a shared counter per
     * record (the ring runtime's: claims minus skips). One writer thread: the first stage's.
     *
     * @param total records accepted so far.
     */
    public void publishAccepted(final long total)
    {
        recordsAccepted.setOrdered(total);
    }

    /** Count one ingress call refused with {@code BACK_PRESSURED}; any thread. */
    public void onBackPressured()
    {
        backPressured.increment();
    }

    /** Count one ingress call refused with {@code CLOSED}; any thread. */
    public void onRejectedClosed()
    {
        rejectedClosed.increment();
    }

    /** @return records accepted so far; any thread. */
    public long recordsAccepted()
    {
        return recordsAccepted.get();
    }

    /** @return back-pressured calls so far; any thread. */
    public long backPressured()
    {
        return backPressured.get();
    }

    /** @return calls refused after close so far; any thread. */
    public long rejectedClosed()
    {
        return rejectedClosed.get();
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return "PipelineCounters{" + pipelineName + '}';
    }
}
