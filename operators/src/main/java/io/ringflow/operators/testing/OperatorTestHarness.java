package io.ringflow.operators.testing;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drives one operator (or an {@link io.ringflow.operators.OperatorChain}) by hand and records what it
 * emits: main output, watermarks, idleness, rejected records and other side outputs. Outputs are
 * copied with the given copiers because operators reuse their output records.
 * <pre>{@code
 * try (OperatorTestHarness<Trade, WindowResult> h = OperatorTestHarness.open(operator, WindowResult::copy))
 * {
 *     h.processElement(trade, 1_000);
 *     h.processWatermark(1_999);
 *     assertThat(h.outputRecords()).containsExactly(...);
 *     byte[] snapshot = h.snapshot();
 * }
 * }</pre>
 * Threading: single-threaded, like the operators it drives.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public final class OperatorTestHarness<I, O> implements AutoCloseable
{
    private final OneInputOperator<I, O> operator;
    private final RecordCopier<I> inputCopier;
    private final RecordCopier<O> outputCopier;
    private final List<Emitted<O>> output = new ArrayList<>();
    private final List<Long> watermarks = new ArrayList<>();
    private final List<Rejected<I>> rejected = new ArrayList<>();
    private final Map<String, List<Emitted<?>>> sideOutputs = new HashMap<>();
    private final Map<String, RecordCopier<?>> sideCopiers = new HashMap<>();
    private int idleSignals;

    private OperatorTestHarness(
        final OneInputOperator<I, O> operator, final RecordCopier<I> inputCopier, final RecordCopier<O> outputCopier)
    {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.inputCopier = Objects.requireNonNull(inputCopier, "inputCopier");
        this.outputCopier = Objects.requireNonNull(outputCopier, "outputCopier");
        operator.open(new RecordingOutput());
    }

    /**
     * @param operator     not yet opened.
     * @param outputCopier copies main-output records.
     * @param <I>          input type.
     * @param <O>          output type.
     * @return an open harness; input records are kept by reference in rejections.
     */
    public static <I, O> OperatorTestHarness<I, O> open(final OneInputOperator<I, O> operator, final RecordCopier<O> outputCopier)
    {
        return new OperatorTestHarness<>(operator, RecordCopier.identity(), outputCopier);
    }

    /**
     * @param operator     not yet opened.
     * @param inputCopier  copies rejected input records.
     * @param outputCopier copies main-output records.
     * @param <I>          input type.
     * @param <O>          output type.
     * @return an open harness.
     */
    public static <I, O> OperatorTestHarness<I, O> open(
        final OneInputOperator<I, O> operator, final RecordCopier<I> inputCopier, final RecordCopier<O> outputCopier)
    {
        return new OperatorTestHarness<>(operator, inputCopier, outputCopier);
    }

    /**
     * Restore a snapshot into a fresh operator and open a harness on it.
     *
     * @param operator     a fresh operator configured like the one snapshotted.
     * @param snapshot     from {@link #snapshot()}.
     * @param inputCopier  copies rejected input records.
     * @param outputCopier copies main-output records.
     * @param <I>          input type.
     * @param <O>          output type.
     * @return an open harness whose operator continues where the snapshot was taken.
     */
    public static <I, O> OperatorTestHarness<I, O> restore(
        final OneInputOperator<I, O> operator,
        final byte[] snapshot,
        final RecordCopier<I> inputCopier,
        final RecordCopier<O> outputCopier)
    {
        final OperatorTestHarness<I, O> harness = new OperatorTestHarness<>(operator, inputCopier, outputCopier);
        Snapshots.restore(operator, snapshot, "harness snapshot");
        return harness;
    }

    /**
     * Copy records of a side output with {@code copier} instead of keeping references.
     *
     * @param tag    the side output.
     * @param copier its copier.
     * @param <S>    its type.
     * @return this.
     */
    public <S> OperatorTestHarness<I, O> copySideOutputWith(final OutputTag<S> tag, final RecordCopier<S> copier)
    {
        sideCopiers.put(tag.name(), copier);
        return this;
    }

    /**
     * @param record    input record; must not be null.
     * @param timestamp its timestamp.
     * @return this.
     */
    public OperatorTestHarness<I, O> processElement(final I record, final long timestamp)
    {
        Objects.requireNonNull(record, "record must not be null");
        operator.processRecord(record, timestamp);
        return this;
    }

    /**
     * @param watermark the new watermark.
     * @return this.
     */
    public OperatorTestHarness<I, O> processWatermark(final long watermark)
    {
        operator.processWatermark(watermark);
        return this;
    }

    /** @return this, after signalling that the input went idle. */
    public OperatorTestHarness<I, O> processIdle()
    {
        operator.processIdle();
        return this;
    }

    /**
     * @param nowTicks processing time handed to the operator.
     * @return this.
     */
    public OperatorTestHarness<I, O> advanceProcessingTime(final long nowTicks)
    {
        operator.onProcessingTime(nowTicks);
        return this;
    }

    /** @return a framed, checksummed snapshot of the operator's state. */
    public byte[] snapshot()
    {
        return Snapshots.toBytes(operator);
    }

    /** @return main output so far, with timestamps. */
    public List<Emitted<O>> output()
    {
        return Collections.unmodifiableList(output);
    }

    /** @return main-output records so far. */
    public List<O> outputRecords()
    {
        final List<O> records = new ArrayList<>(output.size());
        for (final Emitted<O> emitted : output)
        {
            records.add(emitted.record());
        }
        return records;
    }

    /** @return watermarks emitted so far. */
    public List<Long> watermarks()
    {
        return Collections.unmodifiableList(watermarks);
    }

    /** @return records rejected on {@link Rejected#TAG} so far: the harness's own copies, record copied too. */
    public List<Rejected<I>> rejected()
    {
        return Collections.unmodifiableList(rejected);
    }

    /**
     * @param tag a side output.
     * @param <S> its type.
     * @return what was emitted on it so far.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <S> List<Emitted<S>> sideOutput(final OutputTag<S> tag)
    {
        final List list = sideOutputs.getOrDefault(tag.name(), Collections.emptyList());
        return Collections.unmodifiableList((List<Emitted<S>>)list);
    }

    /** @return how many times the operator declared its output idle. */
    public int idleSignals()
    {
        return idleSignals;
    }

    /** Forget everything captured so far. */
    public void clearOutput()
    {
        output.clear();
        watermarks.clear();
        rejected.clear();
        sideOutputs.clear();
        idleSignals = 0;
    }

    /** @return the operator under test. */
    public OneInputOperator<I, O> operator()
    {
        return operator;
    }

    @Override
    public void close()
    {
        operator.close();
    }

    private final class RecordingOutput implements Output<O>
    {
        @Override
        public void emit(final O record, final long timestamp)
        {
            output.add(new Emitted<>(outputCopier.copy(record), timestamp));
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            watermarks.add(watermark);
        }

        @Override
        public void emitIdle()
        {
            idleSignals++;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            if (tag.equals(Rejected.TAG))
            {
                final Rejected<I> r = (Rejected<I>)record;
                rejected.add(new Rejected<I>().set(r.operatorName(), inputCopier.copy(r.record()), r.timestamp(), r.reason(),
                    r.watermark()));
                return;
            }
            final RecordCopier<S> copier = (RecordCopier<S>)sideCopiers.getOrDefault(tag.name(), RecordCopier.identity());
            sideOutputs.computeIfAbsent(tag.name(), name -> new ArrayList<>()).add(new Emitted<>(copier.copy(record), timestamp));
        }
    }
}
