package io.ringflow.operators;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Operators fused into one: each operator's output calls the next operator directly, on the same
 * thread, with no queue between them. A pipeline stage runs one chain; a test or a replay drives a
 * chain by hand. Side outputs of every operator in the chain go to the chain's output.
 * <p>
 * Build with {@code OperatorChain.first(a).then(b).then(c)}. Threading: as {@link OneInputOperator}.
 *
 * @param <I> input type of the first operator.
 * @param <O> output type of the last operator.
 */
public final class OperatorChain<I, O> implements OneInputOperator<I, O>
{
    private final List<OneInputOperator<?, ?>> operators;
    private OneInputOperator<I, ?> head;

    private OperatorChain(final List<OneInputOperator<?, ?>> operators)
    {
        this.operators = operators;
    }

    /**
     * @param first the chain's first operator.
     * @param <I>   its input type.
     * @param <O>   its output type.
     * @return a chain of one.
     */
    public static <I, O> OperatorChain<I, O> first(final OneInputOperator<I, O> first)
    {
        final List<OneInputOperator<?, ?>> list = new ArrayList<>();
        list.add(Objects.requireNonNull(first, "operator"));
        return new OperatorChain<>(list);
    }

    /**
     * @param next operator fed by this chain's output.
     * @param <R>  its output type.
     * @return a longer chain; this one must not be used any more.
     */
    public <R> OperatorChain<I, R> then(final OneInputOperator<O, R> next)
    {
        if (head != null)
        {
            throw new IllegalStateException("cannot extend an open chain");
        }
        operators.add(Objects.requireNonNull(next, "operator"));
        return new OperatorChain<>(operators);
    }

    /** @return the number of fused operators. */
    public int length()
    {
        return operators.size();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open(final Output<O> output)
    {
        Output downstream = output;
        for (int i = operators.size() - 1; i >= 0; i--)
        {
            final OneInputOperator operator = operators.get(i);
            operator.open(downstream);
            downstream = new ChainedOutput(operator, output);
        }
        head = (OneInputOperator<I, ?>)operators.get(0);
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        head.processRecord(record, timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        head.processWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        head.processIdle();
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        for (int i = 0, n = operators.size(); i < n; i++)
        {
            operators.get(i).onProcessingTime(nowTicks);
        }
    }

    @Override
    public void close()
    {
        for (final OneInputOperator<?, ?> operator : operators)
        {
            operator.close();
        }
    }

    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        for (final OneInputOperator<?, ?> operator : operators)
        {
            operator.describeKey(key, lines);
        }
    }

    @Override
    public String snapshotType()
    {
        return "chain";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putInt(operators.size());
        for (final OneInputOperator<?, ?> operator : operators)
        {
            Snapshots.write(operator, out);
        }
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final int count = in.getInt();
        if (count != operators.size())
        {
            throw in.corrupt("chain snapshot holds " + count + " operators, this chain has " + operators.size());
        }
        for (final OneInputOperator<?, ?> operator : operators)
        {
            Snapshots.read(operator, in);
        }
    }

    /**
     * Feeds the next operator; side outputs skip the rest of the chain and go to the chain's output.
     */
    private static final class ChainedOutput<T> implements Output<T>
    {
        private final OneInputOperator<T, ?> next;
        private final Output<?> chainOutput;

        ChainedOutput(final OneInputOperator<T, ?> next, final Output<?> chainOutput)
        {
            this.next = next;
            this.chainOutput = chainOutput;
        }

        @Override
        public void emit(final T record, final long timestamp)
        {
            next.processRecord(record, timestamp);
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            next.processWatermark(watermark);
        }

        @Override
        public void emitIdle()
        {
            next.processIdle();
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            chainOutput.emitSide(tag, record, timestamp);
        }
    }
}
