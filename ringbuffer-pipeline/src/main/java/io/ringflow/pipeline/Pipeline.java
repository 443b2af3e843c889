package io.ringflow.pipeline;

import io.ringflow.pipeline.runtime.CheckpointListener;
import io.ringflow.pipeline.runtime.PipelineBuilder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStates;
import io.ringflow.pipeline.runtime.StageSpec;
import org.agrona.concurrent.EpochClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline as a plan: what the DSL recorded, not yet running. Start one with {@link #from(Source)},
 * end it with {@code to(sink)}, then {@link #build()} it into a {@link PipelineRuntime}.
 * <pre>{@code
 * PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", TXN))
 *     .assignTimestamps("event-time", WatermarkStrategy.<Txn>forBoundedOutOfOrderness(500).withTimestampAssigner(Txn::timeMs))
 *     .filter("valid", txn -> txn.amount > 0)
 *     .stage("windows")                                   // what follows runs on a second thread
 *     .keyBy(Txn::card)
 *     .window(Windows.sliding(60_000, 10_000))
 *     .aggregate("velocity", Aggregates.count())
 *     .to(alerts)
 *     .build();
 * }</pre>
 * Stages are explicit: everything between two {@code stage(...)} calls is fused into one chain on one
 * thread. {@link #build()} validates the plan and says what is wrong and where.
 * <p>
 * Threading: record and build on one thread.
 *
 * @param <I> ingress record type.
 */
public final class Pipeline<I>
{
    final Source<I> source;
    final List<PlanStage> stages = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    private Sink<?> sink;
    private boolean latencyTracking = true;
    private boolean serviceTimeTracking;
    private Path countersFile;
    private EpochClock steppedClock;
    private boolean ingressFromAnotherThread;
    private CheckpointListener checkpoints;
    private StageStates restoreFrom;

    private Pipeline(final Source<I> source)
    {
        this.source = source;
        stages.add(new PlanStage(source.name, source.type));
    }

    /**
     * @param source the ingress.
     * @param <I>    its record type.
     * @return the stream of the source's records, on the first stage.
     */
    public static <I> Stream<I, I> from(final Source<I> source)
    {
        return new Stream<>(new Pipeline<>(Objects.requireNonNull(source, "source")), source.type, false);
    }

    void sink(final Sink<?> sink)
    {
        this.sink = sink;
    }

    PlanStage currentStage()
    {
        return stages.get(stages.size() - 1);
    }

    /**
     * Record one branch of a fan-out: the operators the branch adds go to a scratch stage, which is
     * returned once the branch is recorded; its side-output and rejection sinks join the real stage's.
     * A branch may not start a stage, end in a sink, or change the stage's thread settings (which would
     * be lost with the scratch stage).
     */
    PlanStage recordBranch(final String fanOut, final int index, final Runnable branch)
    {
        final PlanStage stage = currentStage();
        final PlanStage scratch = new PlanStage(stage.name, stage.inputType);
        scratch.copySettingsFrom(stage);
        final Sink<?> sinkBefore = sink;
        stages.add(scratch);
        try
        {
            branch.run();
        }
        finally
        {
            final boolean cut = currentStage() != scratch;
            stages.subList(stages.indexOf(scratch), stages.size()).clear();
            if (cut || sink != sinkBefore)
            {
                sink = sinkBefore;
                throw new IllegalArgumentException("fan-out '" + fanOut + "' branch " + index + " in stage '" +
                    stage.name + "' " + (cut ? "starts a stage" : "ends in a sink") +
                    ": a branch is a fused chain of operators whose output the fan-out collects");
            }
        }
        final String setting = scratch.changedSetting(stage);
        if (null != setting)
        {
            throw new IllegalArgumentException("fan-out '" + fanOut + "' branch " + index + " in stage '" +
                stage.name + "' sets the stage's " + setting + ": set it on the stream before or after the fan-out");
        }
        scratch.sideSinks.forEach((tag, sideSink) ->
        {
            if (null != stage.sideSinks.putIfAbsent(tag, sideSink))
            {
                throw new IllegalArgumentException("stage '" + stage.name + "': side output '" + tag.name() +
                    "' has a sink already (fan-out '" + fanOut + "' branch " + index + ")");
            }
        });
        scratch.rejectedSinks.forEach((reason, rejectedSink) ->
        {
            if (null != stage.rejectedSinks.putIfAbsent(reason, rejectedSink))
            {
                throw new IllegalArgumentException("stage '" + stage.name + "': rejections for " + reason +
                    " have a sink already (fan-out '" + fanOut + "' branch " + index + ")");
            }
        });
        return scratch;
    }

    /**
     * @param track record end-to-end latency (on by default).
     * @return this.
     */
    public Pipeline<I> latencyTracking(final boolean track)
    {
        this.latencyTracking = track;
        return this;
    }

    /**
     * @param track record every stage's per-record service time (off by default).
     * @return this.
     */
    public Pipeline<I> serviceTimeTracking(final boolean track)
    {
        this.serviceTimeTracking = track;
        return this;
    }

    /**
     * @param file memory-mapped counters file another process can read while the pipeline runs.
     * @return this.
     */
    public Pipeline<I> counters(final Path file)
    {
        this.countersFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Build for the stepped mode: no threads, the caller steps the stages.
     *
     * @param processingClock processing time for the operators.
     * @return this.
     */
    public Pipeline<I> stepped(final EpochClock processingClock)
    {
        this.steppedClock = Objects.requireNonNull(processingClock, "processingClock");
        return this;
    }

    /**
     * In the stepped mode, let another thread than the stepping one publish into the ingress (see
     * {@link PipelineBuilder#ingressFromAnotherThread()}): one thread produces, one runs every stage.
     *
     * @return this.
     */
    public Pipeline<I> ingressFromAnotherThread()
    {
        this.ingressFromAnotherThread = true;
        return this;
    }

    /**
     * Take part in checkpoints (see {@link PipelineBuilder#checkpoints}); the journal module's durable
     * runner sets this, with {@link #restoreFrom}, for a {@link ProducerMode#SEQUENCED} source.
     *
     * @param listener receives each stage's state at each barrier, and the barrier's arrival at the sink.
     * @return this.
     */
    public Pipeline<I> checkpoints(final CheckpointListener listener)
    {
        this.checkpoints = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * @param states each stage's state in a checkpoint to start from (see {@link PipelineBuilder#restoreFrom}).
     * @return this.
     */
    public Pipeline<I> restoreFrom(final StageStates states)
    {
        this.restoreFrom = Objects.requireNonNull(states, "states");
        return this;
    }

    /**
     * @return the source's name, which is also the pipeline's.
     */
    public String name()
    {
        return source.name;
    }

    /**
     * @return the plan, one line per stage: its name, parallelism, wait strategy and operators.
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder("pipeline '").append(source.name).append("'\n");
        for (final PlanStage stage : stages)
        {
            text.append("  ").append(stage.describe()).append('\n');
        }
        return text.toString();
    }

    /**
     * Validate the plan and create its runtime (not started).
     *
     * @return the runtime; {@code start()} it, publish to its {@code ingress()}, then {@code drain()}.
     * @throws PipelineException listing every problem found, each naming the stage and operator.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PipelineRuntime<I> build()
    {
        final List<String> found = new ArrayList<>(problems);
        for (final PlanStage stage : stages)
        {
            if (stage.operators.isEmpty())
            {
                found.add("stage '" + stage.name + "' has no operator");
            }
        }
        if (!found.isEmpty())
        {
            throw new PipelineException("pipeline '" + source.name + "' is not valid:\n  " + String.join("\n  ", found));
        }
        final PipelineBuilder builder = PipelineBuilder.ingress(source.name, source.type, source.producerMode)
            .ingressRingSize(source.ringSize)
            .latencyTracking(latencyTracking)
            .serviceTimeTracking(serviceTimeTracking);
        if (null != countersFile)
        {
            builder.counters(countersFile);
        }
        if (null != steppedClock)
        {
            builder.stepped(steppedClock);
        }
        if (ingressFromAnotherThread)
        {
            builder.ingressFromAnotherThread();
        }
        if (null != checkpoints)
        {
            builder.checkpoints(checkpoints);
        }
        if (null != restoreFrom)
        {
            builder.restoreFrom(restoreFrom);
        }
        for (int i = 0; i < stages.size(); i++)
        {
            final StageSpec spec = stages.get(i).compile(0 == i);
            builder.stage(spec);
        }
        try
        {
            return builder.build((Sink)sink);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new PipelineException("pipeline '" + source.name + "' is not valid: " + ex.getMessage(), ex);
        }
    }
}
