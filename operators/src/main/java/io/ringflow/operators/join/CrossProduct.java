package io.ringflow.operators.join;

import io.ringflow.operators.Collector;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.Window;

/**
 * The window join as a co-group: every left record of the window with every right one, left records
 * outer and right inner, both in arrival order (Flink's {@code JoinedStreams} order), into one reused
 * output record.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output type.
 */
final class CrossProduct<L, R, O> implements CoGroupFunction<L, R, O>
{
    private final JoinFunction<L, R, O> function;
    private final O joined;

    CrossProduct(final JoinFunction<L, R, O> function, final O joined)
    {
        this.function = function;
        this.joined = joined;
    }

    @Override
    public void coGroup(
        final long key,
        final Window window,
        final FiringKind kind,
        final WindowSide<L> left,
        final WindowSide<R> right,
        final Collector<O> out)
    {
        for (int i = 0, leftCount = left.size(); i < leftCount; i++)
        {
            final L leftRecord = left.record(i);
            for (int j = 0, rightCount = right.size(); j < rightCount; j++)
            {
                function.join(leftRecord, right.record(j), joined);
                out.collect(joined);
            }
        }
    }
}
