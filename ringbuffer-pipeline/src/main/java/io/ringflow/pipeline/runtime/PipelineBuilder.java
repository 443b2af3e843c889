package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.metrics.CountersFile;
import io.ringflow.pipeline.metrics.LatencyRecorder;
import io.ringflow.pipeline.metrics.LatencyRecorders;
import io.ringflow.pipeline.metrics.PipelineCounters;
import io.ringflow.pipeline.metrics.StageCounters;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Wires a {@link PipelineRuntime} by hand: an ingress, stages in order, a sink. The DSL compiles to
 * this; benchmarks use it directly.
 * <pre>{@code
 * PipelineRuntime<Trade> runtime = PipelineBuilder.ingress("trades", TRADE, ProducerMode.MULTI)
 *     .stage(StageSpec.of("enrich", () -> chainA))
 *     .stage(StageSpec.of("window", () -> chainB).inputType(ENRICHED).parallelism(2, e -> e.account))
 *     .build(sink);
 * }</pre>
 * Rings: stage {@code i} reads {@code parallelism(i)} rings; each is fed by every partition of stage
 * {@code i-1} (single-producer when that is one thread), and its consumer combines their watermarks.
 * <p>
 * Threading: build on one thread.
 *
 * @param <I> ingress record type.
 * @param <T> output type of the last stage added.
 */
public final class PipelineBuilder<I, T>
{
    private final String name;
    private final RecordType<I> ingressType;
    private final ProducerMode producerMode;
    private final List<StageSpec<?, ?>> specs = new ArrayList<>();
    private int ingressRingSize = StageSpec.DEFAULT_RING_SIZE;
    private boolean trackLatency = true;
    private boolean trackServiceTime;
    private Path countersPath;
    private boolean stepped;
    private EpochClock clock = SystemEpochClock.INSTANCE;

    private PipelineBuilder(final String name, final RecordType<I> ingressType, final ProducerMode producerMode)
    {
        this.name = name;
        this.ingressType = ingressType;
        this.producerMode = producerMode;
    }

    /**
     * @param name         the pipeline's name (threads and errors carry it).
     * @param ingressType  how ingress records are held in the ring.
     * @param producerMode who publishes.
     * @param <I>          ingress record type.
     * @return a builder with no stage yet.
     */
    public static <I> PipelineBuilder<I, I> ingress(
        final String name, final RecordType<I> ingressType, final ProducerMode producerMode)
    {
        Objects.requireNonNull(name, "name");
        return new PipelineBuilder<>(name, Objects.requireNonNull(ingressType, "ingressType"),
            Objects.requireNonNull(producerMode, "producerMode"));
    }

    /**
     * @param slots ingress ring size, a power of two; it overrides the first stage's ring size.
     * @return this.
     */
    public PipelineBuilder<I, T> ingressRingSize(final int slots)
    {
        this.ingressRingSize = slots;
        return this;
    }

    /**
     * @param track stamp records at ingress and record their end-to-end latency: from the publish (or
     *              the origin time given to it) to the end of their processing in the last stage, firings
     *              they trigger included, whether or not they produce output. Two
     *              {@code System.nanoTime()} calls per record; on by default.
     * @return this.
     */
    public PipelineBuilder<I, T> latencyTracking(final boolean track)
    {
        this.trackLatency = track;
        return this;
    }

    /**
     * @param track record each stage's service time per record (two more {@code System.nanoTime()}
     *              calls per record per stage); off by default.
     * @return this.
     */
    public PipelineBuilder<I, T> serviceTimeTracking(final boolean track)
    {
        this.trackServiceTime = track;
        return this;
    }

    /**
     * @param file where to keep the pipeline's counters, memory-mapped so that another process (for
     *             example {@code ringflow stat}) can read them while it runs; replaced if it exists,
     *             kept after close. Without it, counters live in private memory.
     * @return this.
     */
    public PipelineBuilder<I, T> counters(final Path file)
    {
        this.countersPath = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Run without threads: the caller steps the stages ({@link PipelineRuntime#step()}).
     *
     * @param processingClock the processing time handed to operators (a manual clock makes a run exact).
     * @return this.
     */
    public PipelineBuilder<I, T> stepped(final EpochClock processingClock)
    {
        this.stepped = true;
        this.clock = Objects.requireNonNull(processingClock, "processingClock");
        return this;
    }

    /**
     * @param processingClock processing time for the threaded mode (the system clock by default).
     * @return this.
     */
    public PipelineBuilder<I, T> processingClock(final EpochClock processingClock)
    {
        this.clock = Objects.requireNonNull(processingClock, "processingClock");
        return this;
    }

    /**
     * @param spec the next stage, fed by the previous one (or the ingress).
     * @param <R>  its output type.
     * @return this builder, now typed by the new stage's output.
     */
    @SuppressWarnings("unchecked")
    public <R> PipelineBuilder<I, R> stage(final StageSpec<T, R> spec)
    {
        specs.add(Objects.requireNonNull(spec, "spec"));
        return (PipelineBuilder<I, R>)this;
    }

    /**
     * Validate and create every ring, stage and (not yet started) thread.
     *
     * @param sink where the last stage's records go.
     * @return the runtime; call {@link PipelineRuntime#start()}.
     * @throws IllegalArgumentException naming the stage and setting that is wrong.
     */
    public PipelineRuntime<I> build(final Sink<? super T> sink)
    {
        Objects.requireNonNull(sink, "sink");
        if (specs.isEmpty())
        {
            throw new IllegalArgumentException("pipeline '" + name + "' has no stage");
        }
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++)
        {
            final StageSpec<?, ?> spec = specs.get(i);
            spec.validate(0 == i);
            if (!names.add(spec.name))
            {
                throw new IllegalArgumentException("pipeline '" + name + "': two stages are named '" + spec.name + "'");
            }
        }
        final StageSpec<?, ?> last = specs.get(specs.size() - 1);
        if (trackLatency && last.parallelism > 1)
        {
            throw new IllegalArgumentException("pipeline '" + name + "': end-to-end latency is recorded by the " +
                "last stage's one thread, but the last stage '" + last.name + "' runs " + last.parallelism +
                " partitions; add a stage after it or turn latencyTracking off");
        }
        return new Assembly<>(this, sink).assemble();
    }

    /** Builds rings first, then stages from the last to the first (each output needs the next rings). */
    private static final class Assembly<I, T>
    {
        /** A spinning stage polls in well under a microsecond: 64 empty polls read the clock once. */
        private static final int SPINNING_IDLE_CYCLES_PER_TICK = 64;

        private final PipelineBuilder<I, T> builder;
        private final Sink<? super T> sink;
        private final PipelineRuntime<I> runtime;
        private final CapacityWaiter waiter;
        private final List<List<Ring<?>>> rings = new ArrayList<>();
        private final List<String> stageNames = new ArrayList<>();
        private LatencyRecorders latency;
        private CountersFile countersFile;

        Assembly(final PipelineBuilder<I, T> builder, final Sink<? super T> sink)
        {
            this.builder = builder;
            this.sink = sink;
            this.runtime = new PipelineRuntime<>(builder.name, builder.stepped);
            this.waiter = builder.stepped ? Waiters.stepped() : Waiters.threaded(runtime);
        }

        @SuppressWarnings("unchecked")
        PipelineRuntime<I> assemble()
        {
            for (int i = 0; i < builder.specs.size(); i++)
            {
                rings.add(createRings(i));
                for (int p = 0; p < builder.specs.get(i).parallelism; p++)
                {
                    stageNames.add(partitionName(builder.specs.get(i), p));
                }
            }
            latency = new LatencyRecorders(stageNames);
            countersFile = null == builder.countersPath ? null :
                CountersFile.create(builder.countersPath, CountersFile.countersNeeded(stageNames.size()), false);
            runtime.metrics(latency, countersFile);
            final PipelineCounters pipelineCounters = null == countersFile ?
                PipelineCounters.disabled(builder.name) : PipelineCounters.allocate(countersFile, builder.name);
            runtime.ingress(new RingIngress<>(
                (Ring<I>)rings.get(0).get(0), builder.trackLatency, waiter, pipelineCounters));
            final List<List<Stage<?, ?>>> stages = new ArrayList<>();
            for (int i = builder.specs.size() - 1; i >= 0; i--)
            {
                stages.add(0, createStages(i));
            }
            for (int i = 0; i < stages.size(); i++)
            {
                final StageSpec<?, ?> spec = builder.specs.get(i);
                for (final Stage<?, ?> stage : stages.get(i))
                {
                    runtime.addStage(stage, new StageRunner(stage,
                        StageIdle.forStage(spec.waitStrategy, stage.input()), spec.pinned, runtime));
                }
            }
            return runtime;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private List<Ring<?>> createRings(final int index)
        {
            final StageSpec<?, ?> spec = builder.specs.get(index);
            final boolean first = 0 == index;
            final int upstream = first ? 1 : builder.specs.get(index - 1).parallelism;
            final boolean multiProducer = first ? ProducerMode.MULTI == builder.producerMode : upstream > 1;
            final RecordType type = first ? builder.ingressType : spec.inputType;
            final int size = first ? builder.ingressRingSize : spec.ringSize;
            final List<Ring<?>> result = new ArrayList<>();
            for (int p = 0; p < spec.parallelism; p++)
            {
                final String ringName = first ? builder.name + " ingress" : partitionName(spec, p);
                result.add(new Ring<>(ringName, type, size, multiProducer, upstream, spec.waitStrategy));
            }
            return result;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private List<Stage<?, ?>> createStages(final int index)
        {
            final StageSpec spec = builder.specs.get(index);
            final boolean last = index == builder.specs.size() - 1;
            final List<Stage<?, ?>> result = new ArrayList<>();
            for (int p = 0; p < spec.parallelism; p++)
            {
                final StageOutput output = last ? sinkOutput() : ringOutput(index + 1, p);
                output.sideOutputs(new SideOutputs(spec.sideSinks));
                final OneInputOperator chain = (OneInputOperator)Objects.requireNonNull(
                    spec.chainFactory.get(), () -> "stage '" + spec.name + "': chain factory returned null");
                final String stageName = partitionName(spec, p);
                final StageCounters counters = null == countersFile ?
                    StageCounters.disabled(stageName) : StageCounters.allocate(countersFile, stageName);
                final LatencyRecorder serviceTime = builder.trackServiceTime ? latency.stage(stageName) : null;
                final LatencyRecorder endToEnd = last && builder.trackLatency ? latency.endToEnd() : null;
                result.add(new Stage(stageName, rings.get(index).get(p), chain, output, spec.errorPolicy,
                    spec.deadLetters, builder.clock, spec.batchLimit, idleCyclesPerTick(spec), counters,
                    serviceTime, endToEnd));
            }
            return result;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private StageOutput<?> sinkOutput()
        {
            return new SinkOutput(sink);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private StageOutput<?> ringOutput(final int nextIndex, final int producer)
        {
            final StageSpec next = builder.specs.get(nextIndex);
            final List<Ring<?>> nextRings = rings.get(nextIndex);
            final RingPublisher[] publishers = new RingPublisher[nextRings.size()];
            for (int p = 0; p < publishers.length; p++)
            {
                publishers[p] = new RingPublisher(nextRings.get(p), next.inputType, producer, waiter);
            }
            return 1 == publishers.length ? publishers[0] : new PartitionedPublisher(next.partitionKey, publishers);
        }

        private int idleCyclesPerTick(final StageSpec<?, ?> spec)
        {
            final boolean spins = WaitStrategy.BUSY_SPIN == spec.waitStrategy || WaitStrategy.YIELDING == spec.waitStrategy;
            return spins && !builder.stepped ? SPINNING_IDLE_CYCLES_PER_TICK : 1;
        }

        private static String partitionName(final StageSpec<?, ?> spec, final int partition)
        {
            return spec.parallelism > 1 ? spec.name + "[" + partition + "]" : spec.name;
        }
    }
}
