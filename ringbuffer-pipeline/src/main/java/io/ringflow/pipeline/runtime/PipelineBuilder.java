package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Sink;
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
 * {@code i-1} (single-producer when that is one thread), and its consumer combines their watermarks. In a
 * {@link ProducerMode#SEQUENCED} pipeline the stage after a partitioned one reads one ring per partition
 * instead, merged in the order the router sent their inputs ({@code MergedInput}), so that outputs,
 * their keys and checkpoints do not depend on the threads.
 * <p>
 * Threading: build on one thread.
 *
 * @param <I> ingress record type.
 * @param <T> output type of the last stage added.
 */
public final class PipelineBuilder<I, T>
{
    final String name;
    final RecordType<I> ingressType;
    final ProducerMode producerMode;
    final List<StageSpec<?, ?>> specs = new ArrayList<>();
    int ingressRingSize = StageSpec.DEFAULT_RING_SIZE;
    boolean trackLatency = true;
    boolean trackServiceTime;
    Path countersPath;
    boolean stepped;
    boolean ingressFromAnotherThread;
    EpochClock clock = SystemEpochClock.INSTANCE;
    CheckpointListener checkpoints;
    StageStates restoreFrom;

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
     * In the stepped mode, the ingress's producer is another thread than the one that steps: a producer
     * that finds the ingress ring full backs off until the stepping thread frees a slot, as on threads,
     * instead of running the first stage itself (which would race the stepping thread). So one thread
     * produces and one runs every stage: the arrangement for a machine with two cores. The stepping
     * thread still owns every stage; only the ingress is shared. If the stepping thread publishes into the
     * ingress itself (a sequenced source's feeder, in turns with the producer), it must not publish more than
     * the ring holds between its steps: it would wait for itself. {@code drain()} and {@code close()} publish
     * the end-of-stream: call them once the producer is done. No effect on threads.
     *
     * @return this.
     */
    public PipelineBuilder<I, T> ingressFromAnotherThread()
    {
        this.ingressFromAnotherThread = true;
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
     * Take part in checkpoints: at each barrier (sent through a {@link ProducerMode#SEQUENCED} ingress)
     * every stage hands its state to the listener, and the last stage reports the barrier once the sink
     * has everything before it. Key-partitioned stages take part in a sequenced pipeline, whose merge puts
     * their barriers next to each other (see {@link #build}); elsewhere they are refused.
     *
     * @param listener receives snapshots and completions.
     * @return this.
     */
    public PipelineBuilder<I, T> checkpoints(final CheckpointListener listener)
    {
        this.checkpoints = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Start every stage from a checkpoint's state instead of empty.
     *
     * @param states each stage's state, by stage name.
     * @return this.
     */
    public PipelineBuilder<I, T> restoreFrom(final StageStates states)
    {
        this.restoreFrom = Objects.requireNonNull(states, "states");
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
        for (int i = 0; i < specs.size(); i++)
        {
            validatePartitions(i);
        }
        final StageSpec<?, ?> last = specs.get(specs.size() - 1);
        if (trackLatency && last.parallelism > 1)
        {
            throw new IllegalArgumentException("pipeline '" + name + "': end-to-end latency is recorded by the " +
                "last stage's one thread, but the last stage '" + last.name + "' runs " + last.parallelism +
                " partitions; add a stage after it or turn latencyTracking off");
        }
        return new PipelineAssembly<>(this, sink).assemble();
    }

    /**
     * A sequenced pipeline merges a key-partitioned stage's outputs in an order of its own (see
     * {@code MergedInput}): it needs one routing thread before the partitions and one merging thread
     * after them. Any other pipeline merges them as they come, so its checkpoints would not be consistent.
     */
    private void validatePartitions(final int index)
    {
        final StageSpec<?, ?> spec = specs.get(index);
        if (spec.parallelism <= 1)
        {
            return;
        }
        if (ProducerMode.SEQUENCED != producerMode)
        {
            if (null != checkpoints || null != restoreFrom)
            {
                throw new IllegalArgumentException("pipeline '" + name + "': stage '" + spec.name + "' runs " +
                    spec.parallelism + " partitions; checkpoints across key-partitioned stages need a sequenced " +
                    "ingress (ProducerMode.SEQUENCED), which merges the partitions in a deterministic order");
            }
            return;
        }
        for (final Sink<?> side : spec.sideSinks.values())
        {
            if (side instanceof SequencedSink)
            {
                // each partition would number its own side outputs, into one sink, from n threads
                throw new IllegalArgumentException("pipeline '" + name + "': stage '" + spec.name + "' runs " +
                    spec.parallelism + " partitions and sends side outputs to a SequencedSink; their keys would " +
                    "collide across partitions: route them through the main output to the stage after it");
            }
        }
        if (index == specs.size() - 1)
        {
            throw new IllegalArgumentException("pipeline '" + name + "': the last stage '" + spec.name + "' runs " +
                spec.parallelism + " partitions; a sequenced pipeline merges them into a stage after it, in order: " +
                "add one (the DSL adds it before a sink)");
        }
        if (specs.get(index - 1).parallelism > 1 || specs.get(index + 1).parallelism > 1)
        {
            throw new IllegalArgumentException("pipeline '" + name + "': stage '" + spec.name + "' runs " +
                spec.parallelism + " partitions next to another partitioned stage; a sequenced pipeline needs a " +
                "stage of parallelism 1 before and after each partitioned one (to route and to merge in order)");
        }
    }
}
