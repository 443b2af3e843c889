package io.ringflow.perf.nexmark.pipeline;

/**
 * The engines of {@link NexmarkPipelineBenchmark}, by the name its {@code engine} parameter takes.
 * <p>
 * Threading: {@link #start} on the thread that will publish.
 */
public enum PipelineEngine
{
    /** Ringflow's runtime: ingress ring, one busy-spinning stage running the query's fused chain. */
    RINGFLOW("ringflow"),
    /** A raw Disruptor ring, a busy-spinning consumer running the hand-written query. */
    DISRUPTOR("disruptor"),
    /** An {@code ArrayBlockingQueue} of pooled events, a consumer that parks, running the hand-written query. */
    BLOCKING_QUEUE("blocking-queue");

    private final String id;

    PipelineEngine(final String id)
    {
        this.id = id;
    }

    /**
     * @param id {@code ringflow}, {@code disruptor} or {@code blocking-queue}.
     * @return that engine.
     */
    public static PipelineEngine named(final String id)
    {
        for (final PipelineEngine engine : values())
        {
            if (engine.id.equals(id))
            {
                return engine;
            }
        }
        throw new IllegalArgumentException("engine must be ringflow, disruptor or blocking-queue, was " + id);
    }

    /**
     * @param plan     the query.
     * @param capacity ring or queue slots, a power of two.
     * @param <R>      its result type.
     * @return the query behind this engine's hand-off, its consumer thread running.
     */
    public <R> QueryPipeline start(final QueryPlan<R> plan, final int capacity)
    {
        return switch (this)
        {
            case RINGFLOW -> new RingflowQueryPipeline<>(plan, capacity);
            case DISRUPTOR -> new DisruptorQueryPipeline<>(plan, capacity);
            case BLOCKING_QUEUE -> new BlockingQueueQueryPipeline<>(plan, capacity);
        };
    }

    @Override
    public String toString()
    {
        return id;
    }
}
