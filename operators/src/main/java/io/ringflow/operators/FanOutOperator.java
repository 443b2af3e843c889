package io.ringflow.operators;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One input, several branches, one output: every record and watermark goes to each branch in turn,
 * and what the branches emit goes to the one output. How a fraud pipeline runs a window rule, a pattern
 * rule and a keyed-state rule side by side on the same enriched payments, fused on one thread, each
 * branch seeing every record in the same order.
 * <p>
 * <b>Watermarks.</b> The output's watermark is the minimum of the branches' watermarks, forwarded when it
 * rises. Forwarding the first branch's watermark at once would be wrong: a later branch may still emit,
 * for the same watermark, window results timestamped at or below it, which would then be late downstream.
 * <p>
 * <b>Order.</b> For one input, branch 0's outputs come first, then branch 1's, and so on: deterministic,
 * so output ordinals (the journal's idempotency keys) are stable across runs and replays.
 * <p>
 * Threading: as {@link OneInputOperator}. Allocates nothing per record.
 *
 * @param <I> input type.
 * @param <O> the branches' common output type.
 */
public final class FanOutOperator<I, O> implements OneInputOperator<I, O>
{
    private final String name;
    private final OneInputOperator<I, O>[] branches;
    private final long[] branchWatermarks;
    private long forwardedWatermark = Long.MIN_VALUE;
    private int idleBranches;
    private Output<O> output;

    /**
     * @param name     operator name, for snapshots and errors.
     * @param branches the branches, not yet opened; at least one.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public FanOutOperator(final String name, final List<? extends OneInputOperator<I, O>> branches)
    {
        this.name = Objects.requireNonNull(name, "name");
        if (branches.isEmpty())
        {
            throw new IllegalArgumentException("fan-out '" + name + "' needs at least one branch");
        }
        this.branches = branches.toArray(new OneInputOperator[0]);
        this.branchWatermarks = new long[this.branches.length];
        Arrays.fill(branchWatermarks, Long.MIN_VALUE);
    }

    @Override
    public void open(final Output<O> output)
    {
        this.output = Objects.requireNonNull(output, "output");
        for (int i = 0; i < branches.length; i++)
        {
            branches[i].open(new BranchOutput(i));
        }
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.processRecord(record, timestamp);
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.processWatermark(watermark);
        }
    }

    @Override
    public void processIdle()
    {
        idleBranches = 0;
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.processIdle();
        }
        // forwarded once, and only if every branch passed it on (one still holding back is not idle)
        if (idleBranches == branches.length)
        {
            output.emitIdle();
        }
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.onProcessingTime(nowTicks);
        }
    }

    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.describeKey(key, lines);
        }
    }

    @Override
    public String snapshotType()
    {
        return "fan-out";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(forwardedWatermark);
        out.putInt(branches.length);
        for (int i = 0; i < branches.length; i++)
        {
            out.putLong(branchWatermarks[i]);
            Snapshots.write(branches[i], out);
        }
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        forwardedWatermark = in.getLong();
        final int count = in.getInt();
        if (count != branches.length)
        {
            throw in.corrupt("fan-out '" + name + "' snapshot holds " + count + " branches, this one has " +
                branches.length);
        }
        for (int i = 0; i < branches.length; i++)
        {
            branchWatermarks[i] = in.getLong();
            Snapshots.read(branches[i], in);
        }
    }

    @Override
    public void close()
    {
        for (final OneInputOperator<I, O> branch : branches)
        {
            branch.close();
        }
    }

    private void onBranchWatermark(final int branch, final long watermark)
    {
        branchWatermarks[branch] = watermark;
        long min = Long.MAX_VALUE;
        for (final long each : branchWatermarks)
        {
            min = Math.min(min, each);
        }
        if (min > forwardedWatermark)
        {
            forwardedWatermark = min;
            output.emitWatermark(min);
        }
    }

    /** What one branch emits: records and side records straight through, watermarks merged. */
    private final class BranchOutput implements Output<O>
    {
        private final int branch;

        BranchOutput(final int branch)
        {
            this.branch = branch;
        }

        @Override
        public void emit(final O record, final long timestamp)
        {
            output.emit(record, timestamp);
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            onBranchWatermark(branch, watermark);
        }

        @Override
        public void emitIdle()
        {
            idleBranches++;
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            output.emitSide(tag, record, timestamp);
        }
    }
}
