package io.ringflow.operators.testing;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.List;
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
    private final CapturingOutput<O> captured;

    @SuppressWarnings("unchecked")
    private OperatorTestHarness(
        final OneInputOperator<I, O> operator, final RecordCopier<I> inputCopier, final RecordCopier<O> outputCopier)
    {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.captured = new CapturingOutput<>(Objects.requireNonNull(outputCopier, "outputCopier"),
            (RecordCopier<Object>)Objects.requireNonNull(inputCopier, "inputCopier"));
        operator.open(captured);
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
        captured.copySideOutputWith(tag, copier);
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
        return captured.output();
    }

    /** @return main-output records so far. */
    public List<O> outputRecords()
    {
        return captured.outputRecords();
    }

    /** @return watermarks emitted so far. */
    public List<Long> watermarks()
    {
        return captured.watermarks();
    }

    /** @return records rejected on {@link Rejected#TAG} so far: the harness's own copies, record copied too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Rejected<I>> rejected()
    {
        return (List)captured.rejected();
    }

    /**
     * @param tag a side output.
     * @param <S> its type.
     * @return what was emitted on it so far.
     */
    public <S> List<Emitted<S>> sideOutput(final OutputTag<S> tag)
    {
        return captured.sideOutput(tag);
    }

    /** @return how many times the operator declared its output idle. */
    public int idleSignals()
    {
        return captured.idleSignals();
    }

    /** Forget everything captured so far. */
    public void clearOutput()
    {
        captured.clear();
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
}
