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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Turns a validated {@link PipelineBuilder} into a {@link PipelineRuntime}: rings first, then stages from
 * the last to the first (each stage's output needs the next stage's rings), then one runner per stage.
 *
 * @param <I> ingress record type.
 * @param <T> the last stage's output type.
 */
final class PipelineAssembly<I, T>
{
    /** A spinning stage polls in well under a microsecond: 64 empty polls read the clock once. */
    private static final int SPINNING_IDLE_CYCLES_PER_TICK = 64;

    private final PipelineBuilder<I, T> builder;
    private final Sink<? super T> sink;
    private final PipelineRuntime<I> runtime;
    private final CapacityWaiter waiter;
    private final List<List<Ring<?>>> rings = new ArrayList<>();
    private final List<String> stageNames = new ArrayList<>();
    private final Map<Integer, MergedInput<?>> mergedInputs = new HashMap<>();
    private LatencyRecorders latency;
    private CountersFile countersFile;

    PipelineAssembly(final PipelineBuilder<I, T> builder, final Sink<? super T> sink)
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
        final Ring<I> ingressRing = (Ring<I>)rings.get(0).get(0);
        final CapacityWaiter ingressWaiter = builder.ingressFromAnotherThread ? Waiters.threaded(runtime) : waiter;
        final LongSupplier acceptedCount;
        if (ProducerMode.SEQUENCED == builder.producerMode)
        {
            final SequencedRingIngress<I> ingress = new SequencedRingIngress<>(ingressRing, ingressWaiter);
            runtime.sequencedIngress(ingress);
            acceptedCount = ingress::publishedCount;
        }
        else
        {
            final RingIngress<I> ingress = new RingIngress<>(ingressRing, builder.trackLatency, ingressWaiter, pipelineCounters);
            runtime.ingress(ingress);
            acceptedCount = ingress::acceptedCount;
        }
        final List<List<Stage<?, ?>>> stages = new ArrayList<>();
        for (int i = builder.specs.size() - 1; i >= 0; i--)
        {
            stages.add(0, createStages(i));
        }
        stages.get(0).get(0).publishesAccepted(pipelineCounters, acceptedCount);
        for (int i = 0; i < stages.size(); i++)
        {
            if (mergesPartitions(i))
            {
                wireMerge(stages, i);
            }
        }
        for (int i = 0; i < stages.size(); i++)
        {
            final StageSpec<?, ?> spec = builder.specs.get(i);
            final WaitStrategy wait = mergesPartitions(i) ? mergeWaitStrategy(i) : spec.waitStrategy;
            for (final Stage<?, ?> stage : stages.get(i))
            {
                configureCheckpoints(stage);
                runtime.addStage(stage, new StageRunner(stage,
                    StageIdle.forStage(wait, stage.input()), spec.pinned, runtime));
            }
        }
        return runtime;
    }

    /**
     * @param index a stage's position.
     * @return whether it reads the rings of the key-partitioned stage before it in merge order (a
     * sequenced pipeline, where the order of outputs must not depend on the threads).
     */
    private boolean mergesPartitions(final int index)
    {
        return index > 0 && ordered() && builder.specs.get(index - 1).parallelism > 1;
    }

    /** A merge reads several rings: it cannot block on one of them, so a blocking one sleeps instead. */
    private WaitStrategy mergeWaitStrategy(final int index)
    {
        final WaitStrategy wanted = builder.specs.get(index).waitStrategy;
        return WaitStrategy.BLOCKING == wanted ? WaitStrategy.SLEEPING : wanted;
    }

    private boolean ordered()
    {
        return ProducerMode.SEQUENCED == builder.producerMode;
    }

    /** The merge at {@code index} reads the partitions before it, which the router before them feeds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void wireMerge(final List<List<Stage<?, ?>>> stages, final int index)
    {
        final List<Stage<?, ?>> partitions = stages.get(index - 1);
        final int count = partitions.size();
        final Ring[] mergeRings = rings.get(index).toArray(new Ring[0]);
        for (final Stage<?, ?> partition : partitions)
        {
            partition.readOrders(count);
        }
        final PartitionedPublisher<?> router = (PartitionedPublisher<?>)stages.get(index - 2).get(0).output();
        final Stage merge = stages.get(index).get(0);
        for (final Ring ring : mergeRings)
        {
            ring.consumer(merge);
        }
        final MergedInput mergedInput = new MergedInput<>(mergeRings,
            partitions.toArray(new Stage<?, ?>[0]), router.routed(), builder.stepped, builder.specs.get(index).inputType);
        merge.mergeFrom(mergedInput);
        mergedInputs.put(index, mergedInput);
    }

    private void configureCheckpoints(final Stage<?, ?> stage)
    {
        if (ProducerMode.SEQUENCED == builder.producerMode)
        {
            stage.processingTimeInBand();
        }
        if (null != builder.checkpoints)
        {
            stage.checkpoints(builder.checkpoints);
        }
        if (null != builder.restoreFrom)
        {
            stage.restore(builder.restoreFrom);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Ring<?>> createRings(final int index)
    {
        final StageSpec<?, ?> spec = builder.specs.get(index);
        if (mergesPartitions(index))
        {
            final StageSpec<?, ?> partitioned = builder.specs.get(index - 1);
            final List<Ring<?>> result = new ArrayList<>();
            for (int p = 0; p < partitioned.parallelism; p++)
            {
                result.add(new Ring<>(spec.name + " from " + partitionName(partitioned, p), spec.inputType,
                    spec.ringSize, false, partitioned.parallelism, false, mergeWaitStrategy(index), true));
            }
            return result;
        }
        final boolean first = 0 == index;
        final int upstream = first ? 1 : builder.specs.get(index - 1).parallelism;
        final boolean multiProducer = first ? ProducerMode.MULTI == builder.producerMode : upstream > 1;
        final RecordType type = first ? builder.ingressType : spec.inputType;
        final int size = first ? builder.ingressRingSize : spec.ringSize;
        final List<Ring<?>> result = new ArrayList<>();
        for (int p = 0; p < spec.parallelism; p++)
        {
            final String ringName = first ? builder.name + " ingress" : partitionName(spec, p);
            final boolean ingress = first && ProducerMode.SEQUENCED != builder.producerMode;
            final boolean ordered = ordered() && spec.parallelism > 1;
            result.add(new Ring<>(ringName, type, size, multiProducer, upstream, ingress, spec.waitStrategy, ordered));
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
            final SideOutputs sideOutputs = new SideOutputs(spec.sideSinks);
            sideOutputs.keysFrom(output);
            output.sideOutputs(sideOutputs);
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
        return new SinkOutput(sink, builder.checkpoints);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private StageOutput<?> ringOutput(final int nextIndex, final int producer)
    {
        final StageSpec next = builder.specs.get(nextIndex);
        final List<Ring<?>> nextRings = rings.get(nextIndex);
        if (mergesPartitions(nextIndex))
        {
            // one ring per partition into the merge; outputs carry the order of the event they come from.
            // Stepped, a full one runs the merge once, then is emptied into its spill queue (see makeRoom)
            final CapacityWaiter toMerge = !builder.stepped ? waiter :
                (ring, attempt) -> mergedInputs.get(nextIndex).makeRoom(ring);
            return new RingPublisher(nextRings.get(producer), next.inputType, producer, toMerge).writeOrders(null);
        }
        final RingPublisher[] publishers = new RingPublisher[nextRings.size()];
        for (int p = 0; p < publishers.length; p++)
        {
            publishers[p] = new RingPublisher(nextRings.get(p), next.inputType, producer, waiter);
        }
        return 1 == publishers.length ? publishers[0] : new PartitionedPublisher(next.partitionKey, publishers, ordered());
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
