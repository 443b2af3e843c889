package io.ringflow.pipeline.runtime;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OutputTag;
import io.ringflow.pipeline.DeadLetterHandler;
import io.ringflow.pipeline.ErrorPolicy;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.WaitStrategy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to run one stage: its operator chain, its input ring, its thread. Configuration only; validated
 * when the pipeline is built. Used by the DSL, and directly by code that wires a runtime by hand.
 * <p>
 * Threading: build on one thread, before {@link PipelineRuntime.Builder#build}.
 *
 * @param <I> input record type.
 * @param <O> output record type.
 */
public final class StageSpec<I, O>
{
    /** Default input ring size: 16 Ki slots. */
    public static final int DEFAULT_RING_SIZE = 1 << 14;
    /** Default events a stage takes from its ring before it publishes downstream and reads the clock. */
    public static final int DEFAULT_BATCH_LIMIT = 256;

    final String name;
    final Supplier<? extends OneInputOperator<I, O>> chainFactory;
    RecordType<I> inputType;
    int ringSize = DEFAULT_RING_SIZE;
    int batchLimit = DEFAULT_BATCH_LIMIT;
    WaitStrategy waitStrategy = WaitStrategy.SLEEPING;
    boolean pinned;
    int parallelism = 1;
    KeySelector<I> partitionKey;
    ErrorPolicy errorPolicy = ErrorPolicy.DEAD_LETTER;
    DeadLetterHandler deadLetters = DeadLetterHandler.countOnly();
    final Map<OutputTag<?>, Sink<?>> sideSinks = new LinkedHashMap<>();

    private StageSpec(final String name, final Supplier<? extends OneInputOperator<I, O>> chainFactory)
    {
        this.name = name;
        this.chainFactory = chainFactory;
    }

    /**
     * @param name         the stage's name, unique in the pipeline: it names the thread, the counters and errors.
     * @param chainFactory makes the stage's operator chain; called once per partition.
     * @param <I>          input record type.
     * @param <O>          output record type.
     * @return a stage with default settings (sleeping wait strategy, parallelism 1, dead-letter policy).
     */
    public static <I, O> StageSpec<I, O> of(
        final String name, final Supplier<? extends OneInputOperator<I, O>> chainFactory)
    {
        Objects.requireNonNull(name, "name");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("stage name must not be blank");
        }
        return new StageSpec<>(name, Objects.requireNonNull(chainFactory, "chainFactory"));
    }

    /**
     * @param type how the input records are held in this stage's ring; required for every stage but
     *             the first (whose ring is the ingress).
     * @return this.
     */
    public StageSpec<I, O> inputType(final RecordType<I> type)
    {
        this.inputType = Objects.requireNonNull(type, "type");
        return this;
    }

    /**
     * @param slots input ring size, a power of two.
     * @return this.
     */
    public StageSpec<I, O> ringSize(final int slots)
    {
        this.ringSize = slots;
        return this;
    }

    /**
     * @param events events taken from the ring per work cycle, {@code >= 1}.
     * @return this.
     */
    public StageSpec<I, O> batchLimit(final int events)
    {
        this.batchLimit = events;
        return this;
    }

    /**
     * @param strategy what the stage thread does when its ring is empty.
     * @return this.
     */
    public StageSpec<I, O> waitStrategy(final WaitStrategy strategy)
    {
        this.waitStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * @param pin pin the stage thread to a core of its own when one is free.
     * @return this.
     */
    public StageSpec<I, O> pinned(final boolean pin)
    {
        this.pinned = pin;
        return this;
    }

    /**
     * Run {@code threads} copies of the chain, each owning the keys that hash to it; the previous stage
     * routes each record by {@code key}.
     *
     * @param threads how many partitions, {@code >= 1}.
     * @param key     the partitioning key of this stage's input records.
     * @return this.
     */
    public StageSpec<I, O> parallelism(final int threads, final KeySelector<I> key)
    {
        this.parallelism = threads;
        this.partitionKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * @param policy what happens when a user function throws on a record.
     * @return this.
     */
    public StageSpec<I, O> errorPolicy(final ErrorPolicy policy)
    {
        this.errorPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param handler receives the dead letters of {@link ErrorPolicy#DEAD_LETTER}.
     * @return this.
     */
    public StageSpec<I, O> deadLetters(final DeadLetterHandler handler)
    {
        this.deadLetters = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * @param tag  a side output of any operator in the chain.
     * @param sink where its records go, on the stage thread.
     * @param <S>  side record type.
     * @return this.
     */
    public <S> StageSpec<I, O> sideOutput(final OutputTag<S> tag, final Sink<? super S> sink)
    {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(sink, "sink");
        if (null != sideSinks.putIfAbsent(tag, sink))
        {
            throw new IllegalArgumentException("stage '" + name + "': side output '" + tag.name() + "' has a sink already");
        }
        return this;
    }

    /** @return the stage's name. */
    public String name()
    {
        return name;
    }

    void validate(final boolean first)
    {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("stage '" + name + "': ring size must be a power of two >= 2, was " + ringSize);
        }
        if (batchLimit < 1)
        {
            throw new IllegalArgumentException("stage '" + name + "': batch limit must be >= 1, was " + batchLimit);
        }
        if (parallelism < 1)
        {
            throw new IllegalArgumentException("stage '" + name + "': parallelism must be >= 1, was " + parallelism);
        }
        if (first && parallelism > 1)
        {
            throw new IllegalArgumentException("stage '" + name + "': the first stage reads the ingress ring and " +
                "cannot be partitioned; add a stage before it that routes by key");
        }
        if (!first && null == inputType)
        {
            throw new IllegalArgumentException("stage '" + name + "': inputType(...) is required for every stage " +
                "after the first (it sizes the ring's pre-allocated records)");
        }
    }
}
