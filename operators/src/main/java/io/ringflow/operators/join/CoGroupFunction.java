package io.ringflow.operators.join;

import io.ringflow.operators.Collector;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.Window;

/**
 * Sees both sides of a keyed window when it fires (Flink's {@code coGroup}): called for every firing of
 * every window that holds at least one record of either side, so one side may be empty — what a left or
 * full outer join, or "orders without a fill in this minute", needs.
 * <p>
 * Called on the operator's thread; collected records get the window's max timestamp and are valid only
 * during {@link Collector#collect}.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output type.
 */
@FunctionalInterface
public interface CoGroupFunction<L, R, O>
{
    /**
     * @param key    the key.
     * @param window the window, valid only during this call.
     * @param kind   why it fired ({@link FiringKind#LATE} for a re-firing within allowed lateness).
     * @param left   the window's left records.
     * @param right  the window's right records.
     * @param out    receives results.
     */
    void coGroup(long key, Window window, FiringKind kind, WindowSide<L> left, WindowSide<R> right, Collector<O> out);
}
