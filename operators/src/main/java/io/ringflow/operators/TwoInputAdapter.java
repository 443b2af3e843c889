package io.ringflow.operators;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link TwoInputOperator} on a union stream: each union record goes to the operator's left or
 * right side, as {@link Sides} says. The union's watermark is already both sides' combined one (see
 * {@code TwoSidedTimestampsOperator}), so it is handed on as is. What lets a pipeline stage, whose chain
 * has one input, run joins.
 * <p>
 * Threading: as the operator's.
 *
 * @param <U> union record type.
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output type.
 */
public final class TwoInputAdapter<U, L, R, O> implements OneInputOperator<U, O>
{
    private final Sides<U, L, R> sides;
    private final TwoInputOperator<L, R, O> operator;

    /**
     * @param sides    splits the union.
     * @param operator the two-input operator, not yet opened.
     */
    public TwoInputAdapter(final Sides<U, L, R> sides, final TwoInputOperator<L, R, O> operator)
    {
        this.sides = Objects.requireNonNull(sides, "sides");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    @Override
    public void open(final Output<O> output)
    {
        operator.open(output);
    }

    @Override
    public void processRecord(final U record, final long timestamp)
    {
        if (sides.isLeft(record))
        {
            operator.processLeft(sides.left(record), timestamp);
        }
        else
        {
            operator.processRight(sides.right(record), timestamp);
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        operator.processWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        operator.processIdle();
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        operator.onProcessingTime(nowTicks);
    }

    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        operator.describeKey(key, lines);
    }

    @Override
    public String snapshotType()
    {
        return "two-input";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        Snapshots.write(operator, out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        Snapshots.read(operator, in);
    }

    @Override
    public void close()
    {
        operator.close();
    }

    /** @return the operator it runs. */
    public TwoInputOperator<L, R, O> operator()
    {
        return operator;
    }
}
