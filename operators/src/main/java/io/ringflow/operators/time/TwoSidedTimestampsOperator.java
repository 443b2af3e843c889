package io.ringflow.operators.time;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Sides;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.Objects;

/**
 * Event time for a union of two streams: each side has its own {@link WatermarkStrategy} (its own
 * timestamp field, out-of-orderness bound and idleness timeout), and the union's watermark is the
 * minimum over the sides that are not idle ({@link WatermarkCombiner}). A side that goes quiet for its
 * idleness timeout stops holding event time back; its next record makes it count again (its watermark
 * may then be behind, and its records late downstream — the same rule as any idle input). The union
 * goes idle only when both sides are. A side whose strategy is
 * {@linkplain WatermarkStrategy#excludedFromWatermark() excluded from the watermark} counts as idle
 * always: its records pass on, stamped, and never hold event time back (nor make an idle union active).
 * Each side is stamped by a {@link TimestampsAndWatermarksOperator} of its own, so the rules for invalid
 * timestamps and end of input are that operator's.
 * <p>
 * Threading: single-threaded; allocates nothing per record.
 *
 * @param <U> union record type.
 */
public final class TwoSidedTimestampsOperator<U> implements OneInputOperator<U, U>
{
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    private final Sides<U, ?, ?> sides;
    private final TimestampsAndWatermarksOperator<U> left;
    private final TimestampsAndWatermarksOperator<U> right;
    private final WatermarkCombiner combiner = new WatermarkCombiner(2);
    private final boolean[] excluded = new boolean[2];
    private Output<U> output;
    private long emitted = Timestamps.MIN_WATERMARK;
    private boolean idle;

    /**
     * @param name          names the operator (its sides are {@code name.left} and {@code name.right}).
     * @param sides         which side a union record is.
     * @param leftStrategy  event time of left records.
     * @param rightStrategy event time of right records.
     * @throws IllegalArgumentException if both sides are excluded from the watermark.
     */
    public TwoSidedTimestampsOperator(
        final String name,
        final Sides<U, ?, ?> sides,
        final WatermarkStrategy<U> leftStrategy,
        final WatermarkStrategy<U> rightStrategy)
    {
        this.sides = Objects.requireNonNull(sides, "sides");
        excluded[LEFT] = leftStrategy.isExcludedFromWatermark();
        excluded[RIGHT] = rightStrategy.isExcludedFromWatermark();
        if (excluded[LEFT] && excluded[RIGHT])
        {
            throw new IllegalArgumentException("operator '" + name + "': both sides are excluded from the " +
                "watermark, so the stream would never have event time; at most one side may be");
        }
        this.left = new TimestampsAndWatermarksOperator<>(name + ".left", leftStrategy.includedInWatermark());
        this.right = new TimestampsAndWatermarksOperator<>(name + ".right", rightStrategy.includedInWatermark());
    }

    @Override
    public void open(final Output<U> output)
    {
        this.output = output;
        left.open(new SideOutput(LEFT));
        right.open(new SideOutput(RIGHT));
        markExcludedIdle();
    }

    private void markExcludedIdle()
    {
        for (int side = LEFT; side <= RIGHT; side++)
        {
            if (excluded[side])
            {
                combiner.markIdle(side);   // never undone: this side's watermark is not waited for
            }
        }
    }

    @Override
    public void processRecord(final U record, final long timestamp)
    {
        if (sides.isLeft(record))
        {
            left.processRecord(record, timestamp);
        }
        else
        {
            right.processRecord(record, timestamp);
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        left.processWatermark(watermark);
        right.processWatermark(watermark);
    }

    /** Ignored, as {@link TimestampsAndWatermarksOperator} ignores it: each side decides its own idleness. */
    @Override
    public void processIdle()
    {
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        left.onProcessingTime(nowTicks);
        right.onProcessingTime(nowTicks);
    }

    private void advance(final long combined)
    {
        if (combined > emitted)
        {
            emitted = combined;
            output.emitWatermark(combined);
        }
    }

    /** @return the union's current watermark. */
    public long currentWatermark()
    {
        return emitted;
    }

    @Override
    public String snapshotType()
    {
        return "two-sided-timestamps";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(emitted).putBoolean(idle);
        combiner.snapshot(out);
        Snapshots.write(left, out);
        Snapshots.write(right, out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        emitted = in.getLong();
        idle = in.getBoolean();
        combiner.restore(in);
        markExcludedIdle();   // a snapshot taken while the side still counted must not make it count again
        Snapshots.read(left, in);
        Snapshots.read(right, in);
    }

    /** Where one side's stamping operator emits: records straight on, watermarks and idleness combined. */
    private final class SideOutput implements Output<U>
    {
        private final int side;

        SideOutput(final int side)
        {
            this.side = side;
        }

        @Override
        public void emit(final U record, final long timestamp)
        {
            if (excluded[side])
            {
                output.emit(record, timestamp);
                if (idle)
                {
                    output.emitIdle();   // the record passed, but the union is as idle as its counted side
                }
                return;
            }
            combiner.markActive(side);
            idle = false;
            output.emit(record, timestamp);
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            if (!excluded[side])
            {
                advance(combiner.onWatermark(side, watermark));
            }
        }

        @Override
        public void emitIdle()
        {
            if (excluded[side])
            {
                return;
            }
            advance(combiner.markIdle(side));
            if (combiner.allIdle() && !idle)
            {
                idle = true;
                output.emitIdle();
            }
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            output.emitSide(tag, record, timestamp);
        }
    }
}
