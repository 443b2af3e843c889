package io.ringflow.operators.testing;

import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.time.WatermarkCombiner;

import java.util.List;
import java.util.Objects;

/**
 * Drives a {@link TwoInputOperator} by hand, the way a pipeline does: records of either side, a
 * watermark per side combined into the operator's one watermark (minimum over the sides that are not
 * idle), idleness per side. Records what it emits as {@link OperatorTestHarness} does.
 * <pre>{@code
 * try (TwoInputOperatorTestHarness<Order, Fill, Match> h = TwoInputOperatorTestHarness.open(join, Match::copy))
 * {
 *     h.processLeft(order, 1_000).processRight(fill, 1_004);
 *     h.leftWatermark(2_000).rightWatermark(1_500);     // the operator sees 1_500
 *     h.rightIdle();                                     // now 2_000
 * }
 * }</pre>
 * Threading: single-threaded, like the operators it drives.
 *
 * @param <L> left input type.
 * @param <R> right input type.
 * @param <O> output type.
 */
public final class TwoInputOperatorTestHarness<L, R, O> implements AutoCloseable
{
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    private final TwoInputOperator<L, R, O> operator;
    private final CapturingOutput<O> captured;
    private final WatermarkCombiner watermarks = new WatermarkCombiner(2);
    private long current = Long.MIN_VALUE;

    private TwoInputOperatorTestHarness(
        final TwoInputOperator<L, R, O> operator, final RecordCopier<Object> rejectedCopier, final RecordCopier<O> outputCopier)
    {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.captured = new CapturingOutput<>(Objects.requireNonNull(outputCopier, "outputCopier"), rejectedCopier);
        operator.open(captured);
    }

    /**
     * @param operator     not yet opened.
     * @param outputCopier copies main-output records.
     * @param <L>          left type.
     * @param <R>          right type.
     * @param <O>          output type.
     * @return an open harness; rejected input records are kept by reference.
     */
    public static <L, R, O> TwoInputOperatorTestHarness<L, R, O> open(
        final TwoInputOperator<L, R, O> operator, final RecordCopier<O> outputCopier)
    {
        return new TwoInputOperatorTestHarness<>(operator, RecordCopier.identity(), outputCopier);
    }

    /**
     * @param operator       not yet opened.
     * @param rejectedCopier copies rejected input records of either side.
     * @param outputCopier   copies main-output records.
     * @param <L>            left type.
     * @param <R>            right type.
     * @param <O>            output type.
     * @return an open harness.
     */
    public static <L, R, O> TwoInputOperatorTestHarness<L, R, O> open(
        final TwoInputOperator<L, R, O> operator, final RecordCopier<Object> rejectedCopier, final RecordCopier<O> outputCopier)
    {
        return new TwoInputOperatorTestHarness<>(operator, rejectedCopier, outputCopier);
    }

    /**
     * Restore a snapshot taken with {@link #snapshot()} into a fresh operator. The per-side watermarks
     * are the harness's, not the operator's: set them again after restoring.
     *
     * @param operator     a fresh operator configured like the one snapshotted.
     * @param snapshot     the snapshot.
     * @param outputCopier copies main-output records.
     * @param <L>          left type.
     * @param <R>          right type.
     * @param <O>          output type.
     * @return an open harness whose operator continues where the snapshot was taken.
     */
    public static <L, R, O> TwoInputOperatorTestHarness<L, R, O> restore(
        final TwoInputOperator<L, R, O> operator, final byte[] snapshot, final RecordCopier<O> outputCopier)
    {
        final TwoInputOperatorTestHarness<L, R, O> harness = open(operator, outputCopier);
        Snapshots.restore(operator, snapshot, "harness snapshot");
        return harness;
    }

    /**
     * As {@link #restore(TwoInputOperator, byte[], RecordCopier)}, copying rejected input records (which an
     * operator may hand out from a reused instance, a record it held and decoded, say).
     *
     * @param operator       a fresh operator configured like the one snapshotted.
     * @param snapshot       the snapshot.
     * @param rejectedCopier copies rejected input records of either side.
     * @param outputCopier   copies main-output records.
     * @param <L>            left type.
     * @param <R>            right type.
     * @param <O>            output type.
     * @return an open harness whose operator continues where the snapshot was taken.
     */
    public static <L, R, O> TwoInputOperatorTestHarness<L, R, O> restore(
        final TwoInputOperator<L, R, O> operator,
        final byte[] snapshot,
        final RecordCopier<Object> rejectedCopier,
        final RecordCopier<O> outputCopier)
    {
        final TwoInputOperatorTestHarness<L, R, O> harness = open(operator, rejectedCopier, outputCopier);
        Snapshots.restore(operator, snapshot, "harness snapshot");
        return harness;
    }

    /**
     * @param record    a left record.
     * @param timestamp its event time.
     * @return this.
     */
    public TwoInputOperatorTestHarness<L, R, O> processLeft(final L record, final long timestamp)
    {
        watermarks.markActive(LEFT);
        operator.processLeft(Objects.requireNonNull(record, "record"), timestamp);
        return this;
    }

    /**
     * @param record    a right record.
     * @param timestamp its event time.
     * @return this.
     */
    public TwoInputOperatorTestHarness<L, R, O> processRight(final R record, final long timestamp)
    {
        watermarks.markActive(RIGHT);
        operator.processRight(Objects.requireNonNull(record, "record"), timestamp);
        return this;
    }

    /**
     * @param watermark the left input's watermark.
     * @return this.
     */
    public TwoInputOperatorTestHarness<L, R, O> leftWatermark(final long watermark)
    {
        advance(watermarks.onWatermark(LEFT, watermark));
        return this;
    }

    /**
     * @param watermark the right input's watermark.
     * @return this.
     */
    public TwoInputOperatorTestHarness<L, R, O> rightWatermark(final long watermark)
    {
        advance(watermarks.onWatermark(RIGHT, watermark));
        return this;
    }

    /** @return this, after the left input went idle (the right one alone drives event time). */
    public TwoInputOperatorTestHarness<L, R, O> leftIdle()
    {
        return idle(LEFT);
    }

    /** @return this, after the right input went idle. */
    public TwoInputOperatorTestHarness<L, R, O> rightIdle()
    {
        return idle(RIGHT);
    }

    private TwoInputOperatorTestHarness<L, R, O> idle(final int input)
    {
        advance(watermarks.markIdle(input));
        if (watermarks.allIdle())
        {
            operator.processIdle();
        }
        return this;
    }

    private void advance(final long combined)
    {
        if (combined > current)
        {
            current = combined;
            operator.processWatermark(combined);
        }
    }

    /**
     * @param nowTicks processing time handed to the operator.
     * @return this.
     */
    public TwoInputOperatorTestHarness<L, R, O> advanceProcessingTime(final long nowTicks)
    {
        operator.onProcessingTime(nowTicks);
        return this;
    }

    /** @return the combined watermark the operator has seen last. */
    public long currentWatermark()
    {
        return current;
    }

    /** @return a framed, checksummed snapshot of the operator's state. */
    public byte[] snapshot()
    {
        return Snapshots.toBytes(operator);
    }

    /**
     * @param tag    a side output.
     * @param copier copies its records.
     * @param <S>    its type.
     * @return this.
     */
    public <S> TwoInputOperatorTestHarness<L, R, O> copySideOutputWith(final OutputTag<S> tag, final RecordCopier<S> copier)
    {
        captured.copySideOutputWith(tag, copier);
        return this;
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

    /** @return watermarks the operator forwarded so far. */
    public List<Long> watermarks()
    {
        return captured.watermarks();
    }

    /** @return records of either side rejected on {@link Rejected#TAG} so far. */
    public List<Rejected<Object>> rejected()
    {
        return captured.rejected();
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
    public TwoInputOperator<L, R, O> operator()
    {
        return operator;
    }

    @Override
    public void close()
    {
        operator.close();
    }
}
