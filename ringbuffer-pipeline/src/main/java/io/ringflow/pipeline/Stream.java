package io.ringflow.pipeline;

import io.ringflow.operators.FanOutOperator;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RecordFilter;
import io.ringflow.operators.RecordFlatMapper;
import io.ringflow.operators.RecordMapper;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Sides;
import io.ringflow.operators.TwoInputAdapter;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.stateless.FlatMapOperator;
import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.operators.stateless.ProcessFunction;
import io.ringflow.operators.stateless.ProcessOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.TwoSidedTimestampsOperator;
import io.ringflow.operators.time.WatermarkStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stream of records in a pipeline plan: each call records an operator on the current stage and
 * returns the stream of its output. Nothing runs until {@link Pipeline#build()}.
 * <p>
 * Threading: record on one thread.
 *
 * @param <I> the pipeline's ingress record type.
 * @param <T> this stream's record type.
 */
public class Stream<I, T>
{
    final Pipeline<I> pipeline;
    final RecordType<T> type;
    final boolean eventTime;

    Stream(final Pipeline<I> pipeline, final RecordType<T> type, final boolean eventTime)
    {
        this.pipeline = pipeline;
        this.type = type;
        this.eventTime = eventTime;
    }

    <R> Stream<I, R> add(
        final String name, final Supplier<? extends OneInputOperator<T, R>> operator, final RecordType<R> outputType)
    {
        requireName(name);
        final PlanStage stage = pipeline.currentStage();
        stage.operators.add(operator);
        stage.operatorNames.add(name);
        return new Stream<>(pipeline, outputType, eventTime);
    }

    static void requireName(final String name)
    {
        Objects.requireNonNull(name, "operator name");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("operator name must not be blank");
        }
    }

    /**
     * Stamp each record with its event time and generate watermarks: required before windows, dedup
     * and keyed processing.
     *
     * @param name     operator name.
     * @param strategy timestamps and watermarks.
     * @return the stream, now in event time.
     */
    public Stream<I, T> assignTimestamps(final String name, final WatermarkStrategy<T> strategy)
    {
        Objects.requireNonNull(strategy, "strategy");
        add(name, () -> new TimestampsAndWatermarksOperator<>(name, strategy), type);
        return new Stream<>(pipeline, type, true);
    }

    /**
     * Event time for a stream that carries two inputs (see {@link Sides}): each side is stamped by its
     * own strategy, and the stream's watermark is the minimum over the sides that are not idle.
     *
     * @param name          operator name.
     * @param sides         which side a record is.
     * @param leftStrategy  timestamps, watermarks and idleness of left records.
     * @param rightStrategy the same for right records.
     * @return the stream, now in event time.
     */
    public Stream<I, T> assignTimestamps(
        final String name,
        final Sides<T, ?, ?> sides,
        final WatermarkStrategy<T> leftStrategy,
        final WatermarkStrategy<T> rightStrategy)
    {
        Objects.requireNonNull(sides, "sides");
        Objects.requireNonNull(leftStrategy, "leftStrategy");
        Objects.requireNonNull(rightStrategy, "rightStrategy");
        add(name, () -> new TwoSidedTimestampsOperator<>(name, sides, leftStrategy, rightStrategy), type);
        return new Stream<>(pipeline, type, true);
    }

    /**
     * Run a two-input operator (a join, an enrichment) on a stream that carries both its inputs: each
     * record goes to the operator's left or right side as {@code sides} says. Both inputs travel in one
     * ring, so the order the operator sees them in is the ingress order, the one a journal records and a
     * replay repeats. Needs event time upstream, from the two-sided
     * {@link #assignTimestamps(String, Sides, WatermarkStrategy, WatermarkStrategy)}.
     *
     * @param name       operator name.
     * @param sides      which side a record is, and its view as that side's record.
     * @param factory    makes the operator (once per partition and build).
     * @param outputType the output records' type.
     * @param <L>        left record type.
     * @param <R>        right record type.
     * @param <O>        output type.
     * @return the operator's output.
     */
    public <L, R, O> Stream<I, O> connect(
        final String name,
        final Sides<T, L, R> sides,
        final Supplier<? extends TwoInputOperator<L, R, O>> factory,
        final RecordType<O> outputType)
    {
        Objects.requireNonNull(sides, "sides");
        Objects.requireNonNull(factory, "factory");
        if (!eventTime)
        {
            pipeline.problems.add("two-input operator '" + name + "' in stage '" + pipeline.currentStage().name +
                "' needs event time: call assignTimestamps(name, sides, left, right) before it");
        }
        return add(name, () -> new TwoInputAdapter<T, L, R, O>(sides, factory.get()),
            Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * @param name   operator name.
     * @param filter keeps the records it returns true for.
     * @return the kept records.
     */
    public Stream<I, T> filter(final String name, final RecordFilter<T> filter)
    {
        Objects.requireNonNull(filter, "filter");
        return add(name, () -> new FilterOperator<>(name, filter), type);
    }

    /**
     * @param name       operator name.
     * @param mapper     fills one output record per input.
     * @param outputType the output records' type (its {@code newInstance} makes the reused output).
     * @param <R>        output type.
     * @return the mapped records.
     */
    public <R> Stream<I, R> map(final String name, final RecordMapper<T, R> mapper, final RecordType<R> outputType)
    {
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(outputType, "outputType");
        return add(name, () -> new MapOperator<>(name, mapper, outputType::newInstance), outputType);
    }

    /**
     * @param name       operator name.
     * @param flatMapper emits zero or more records per input.
     * @param outputType the output records' type.
     * @param <R>        output type.
     * @return the emitted records.
     */
    public <R> Stream<I, R> flatMap(
        final String name, final RecordFlatMapper<T, R> flatMapper, final RecordType<R> outputType)
    {
        Objects.requireNonNull(flatMapper, "flatMapper");
        return add(name, () -> new FlatMapOperator<>(name, flatMapper), Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * @param name       operator name.
     * @param function   sees each record with its timestamp and the watermark; emits and side-outputs.
     * @param outputType the output records' type.
     * @param <R>        output type.
     * @return the emitted records.
     */
    public <R> Stream<I, R> process(
        final String name, final ProcessFunction<T, R> function, final RecordType<R> outputType)
    {
        Objects.requireNonNull(function, "function");
        return add(name, () -> new ProcessOperator<>(name, function), Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * Add any operator. The factory is called once per partition and build, and must return a new one.
     *
     * @param name       operator name.
     * @param factory    makes the operator.
     * @param outputType the output records' type.
     * @param <R>        output type.
     * @return the operator's output.
     */
    public <R> Stream<I, R> apply(
        final String name, final Supplier<? extends OneInputOperator<T, R>> factory, final RecordType<R> outputType)
    {
        return add(name, Objects.requireNonNull(factory, "factory"), Objects.requireNonNull(outputType, "outputType"));
    }

    /**
     * Run several branches side by side on this stream, fused on the current stage's thread: each branch
     * sees every record, in order, and what the branches emit becomes one stream. How independent rules
     * (a window, a pattern, keyed state) watch the same records without a stage each:
     * <pre>{@code
     * payments.fanOut("rules", Alert.TYPE,
     *     branch -> branch.keyBy(Payment::card).window(sliding).aggregate("count", count()).flatMap("velocity", toAlert, Alert.TYPE),
     *     branch -> branch.keyBy(Payment::card).pattern("geo-jump", geoJump, Payment::id).map("geo", toAlert, Alert.TYPE))
     * }</pre>
     * A branch records operators as any stream does, and may route side outputs and rejections, but may
     * not start a stage, end in a sink, or change the stage's thread settings (wait strategy, ring size,
     * pinning, error policy, dead letters): set those outside the fan-out. The output's watermark is the slowest branch's (see
     * {@link FanOutOperator}); for one input, branch 0's outputs come before branch 1's.
     *
     * @param name       the fan-out's name.
     * @param outputType the branches' common output type.
     * @param branches   each records a chain from this stream to the common output type.
     * @param <R>        output type.
     * @return the branches' outputs, merged.
     */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    public final <R> Stream<I, R> fanOut(
        final String name, final RecordType<R> outputType, final Function<Stream<I, T>, Stream<I, R>>... branches)
    {
        requireName(name);
        Objects.requireNonNull(outputType, "outputType");
        if (0 == branches.length)
        {
            throw new IllegalArgumentException("fan-out '" + name + "' needs at least one branch");
        }
        final List<List<Supplier<? extends OneInputOperator<?, ?>>>> chains = new ArrayList<>();
        for (int i = 0; i < branches.length; i++)
        {
            final Function<Stream<I, T>, Stream<I, R>> branch = Objects.requireNonNull(branches[i], "branch");
            final PlanStage recorded = pipeline.recordBranch(name, i, () -> Objects.requireNonNull(
                branch.apply(new Stream<>(pipeline, type, eventTime)), "a fan-out branch returned null"));
            final List<Supplier<? extends OneInputOperator<?, ?>>> chain = new ArrayList<>(recorded.operators);
            if (chain.isEmpty())
            {
                final String identity = name + "-branch-" + i;
                chain.add(() -> new FilterOperator<T>(identity, record -> true));
            }
            chains.add(List.copyOf(chain));
        }
        return add(name, () ->
        {
            final List<OneInputOperator<T, R>> built = new ArrayList<>();
            for (final List<Supplier<? extends OneInputOperator<?, ?>>> chain : chains)
            {
                OperatorChain composed = OperatorChain.first(chain.get(0).get());
                for (int j = 1; j < chain.size(); j++)
                {
                    composed = composed.then(chain.get(j).get());
                }
                built.add(composed);
            }
            return new FanOutOperator<>(name, built);
        }, outputType);
    }

    /**
     * @param key the key of each record.
     * @return the stream keyed by it: windows, dedup and keyed processing become available.
     */
    public KeyedStream<I, T> keyBy(final KeySelector<T> key)
    {
        return new KeyedStream<>(pipeline, type, eventTime, Objects.requireNonNull(key, "key"));
    }

    /**
     * Cut the chain: the operators that follow run in a new stage, on a thread of their own, fed by a
     * ring from this one.
     *
     * @param name the new stage's name.
     * @return the same records, on the new stage.
     */
    public Stream<I, T> stage(final String name)
    {
        cut(name, 1, null);
        return this;
    }

    void cut(final String name, final int parallelism, final KeySelector<T> key)
    {
        Objects.requireNonNull(name, "stage name");
        if (null == type)
        {
            throw new IllegalArgumentException("cannot start stage '" + name + "': the records here have no " +
                "RecordType to copy them between threads; give one to the operator before it");
        }
        for (final PlanStage stage : pipeline.stages)
        {
            if (stage.name.equals(name))
            {
                throw new IllegalArgumentException("a stage is named '" + name + "' already");
            }
        }
        final PlanStage current = pipeline.currentStage();
        if (current.operators.isEmpty() && (1 == pipeline.stages.size() || parallelism > 1))
        {
            // the first stage reads the ingress, and partitions are fed by a stage that routes by key:
            // give such a stage something to run
            add("route", () -> new FilterOperator<T>("route", record -> true), type);
        }
        final PlanStage next = new PlanStage(name, type);
        next.parallelism = parallelism;
        next.partitionKey = key;
        pipeline.stages.add(next);
    }

    /**
     * @param strategy what the current stage's thread does when its ring is empty.
     * @return this.
     */
    public Stream<I, T> waitStrategy(final WaitStrategy strategy)
    {
        pipeline.currentStage().waitStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * @param slots the current stage's input ring size, a power of two (the first stage's is the source's).
     * @return this.
     */
    public Stream<I, T> ringSize(final int slots)
    {
        pipeline.currentStage().ringSize = slots;
        return this;
    }

    /**
     * @param pin pin the current stage's thread to a free core.
     * @return this.
     */
    public Stream<I, T> pinned(final boolean pin)
    {
        pipeline.currentStage().pinned = pin;
        return this;
    }

    /**
     * @param policy what the current stage does when a user function throws.
     * @return this.
     */
    public Stream<I, T> errorPolicy(final ErrorPolicy policy)
    {
        pipeline.currentStage().errorPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param handler the current stage's dead letters.
     * @return this.
     */
    public Stream<I, T> deadLetters(final DeadLetterHandler handler)
    {
        pipeline.currentStage().deadLetters = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * @param tag  a side output of an operator in the current stage.
     * @param sink where its records go, on the stage's thread — on a key-partitioned stage, on every
     *             partition's thread, so it must then be thread-safe (or send the records on through the
     *             main output to the stage after the partitions). A sequenced pipeline refuses a
     *             {@link SequencedSink} here on a partitioned stage: each partition would number its own.
     * @param <S>  side record type.
     * @return this.
     */
    public <S> Stream<I, T> sideOutput(final OutputTag<S> tag, final Sink<? super S> sink)
    {
        Objects.requireNonNull(tag, "tag");
        if (Rejected.TAG.equals(tag))
        {
            throw new IllegalArgumentException("rejected records are routed by reason: use rejected(reason, sink)");
        }
        if (null != pipeline.currentStage().sideSinks.putIfAbsent(tag, Objects.requireNonNull(sink, "sink")))
        {
            throw new IllegalArgumentException("stage '" + pipeline.currentStage().name + "': side output '" +
                tag.name() + "' has a sink already");
        }
        return this;
    }

    /**
     * Route the records the current stage's operators reject for {@code reason} (late, duplicate, invalid
     * timestamp) to a sink. Rejections with no sink are counted by their operators and dropped. The
     * rejected record is of the rejecting operator's input type, which need not be this stream's.
     *
     * @param reason which rejections.
     * @param sink   where they go, on the stage's thread (on a key-partitioned stage, every partition's:
     *               see {@link #sideOutput}); a {@link SequencedSink} here receives no keys.
     * @return this.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<I, T> rejected(final RejectReason reason, final Sink<? super Rejected<?>> sink)
    {
        Objects.requireNonNull(reason, "reason");
        if (null != pipeline.currentStage().rejectedSinks.putIfAbsent(reason, (Sink)Objects.requireNonNull(sink, "sink")))
        {
            throw new IllegalArgumentException("stage '" + pipeline.currentStage().name + "': rejections for " +
                reason + " have a sink already");
        }
        return this;
    }

    /**
     * End the plan. A sink after a parallel stage gets a stage of its own, so that it is called from
     * one thread.
     *
     * @param sink where the records go.
     * @return the plan, ready to {@link Pipeline#build()}.
     */
    public Pipeline<I> to(final Sink<? super T> sink)
    {
        Objects.requireNonNull(sink, "sink: a pipeline must end in a sink");
        if (pipeline.currentStage().parallelism > 1)
        {
            cut("sink", 1, null);
        }
        if (pipeline.currentStage().operators.isEmpty())
        {
            add("to-sink", () -> new FilterOperator<T>("to-sink", record -> true), type);
        }
        pipeline.sink(sink);
        return pipeline;
    }
}
