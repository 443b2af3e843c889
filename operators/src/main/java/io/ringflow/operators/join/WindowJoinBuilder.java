package io.ringflow.operators.join;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowOperatorBuilder;
import io.ringflow.operators.window.Windows;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configures a {@link WindowJoinOperator}; validated once, in {@link #join} or {@link #coGroup}.
 * <pre>{@code
 * WindowJoinOperator<Bid, Ask, Cross> crosses = WindowJoinOperator.keyed("crosses", Bid::instrument, Ask::instrument)
 *     .window(Windows.tumbling(1_000))
 *     .allowedLateness(200)
 *     .expectedKeys(5_000)
 *     .join(Bid.CODEC, Ask.CODEC, Cross::new, (bid, ask, cross) -> cross.set(bid, ask));
 * }</pre>
 *
 * @param <L> left record type.
 * @param <R> right record type.
 */
public final class WindowJoinBuilder<L, R>
{
    private final String name;
    private final KeySelector<L> leftKey;
    private final KeySelector<R> rightKey;
    private WindowAssigner assigner;
    private long allowedLateness;
    private int expectedKeys = 1024;
    private int recordBlockBytes = 1024;

    WindowJoinBuilder(final String name, final KeySelector<L> leftKey, final KeySelector<R> rightKey)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.leftKey = Objects.requireNonNull(leftKey, "leftKey");
        this.rightKey = Objects.requireNonNull(rightKey, "rightKey");
    }

    /**
     * @param assigner tumbling, sliding or session windows from {@link Windows}; the global window, which
     *                 fires only on a custom trigger, is not supported.
     * @return this.
     */
    public WindowJoinBuilder<L, R> window(final WindowAssigner assigner)
    {
        Objects.requireNonNull(assigner, "assigner");
        if (!assigner.isEventTime())
        {
            throw new IllegalArgumentException("window join '" + name + "': " + assigner +
                " never fires on event time; use tumbling, sliding or session windows");
        }
        this.assigner = assigner;
        return this;
    }

    /**
     * @param lateness how long after its max timestamp a window keeps its records and fires again for late
     *                 ones, {@code >= 0}; default 0.
     * @return this.
     */
    public WindowJoinBuilder<L, R> allowedLateness(final long lateness)
    {
        if (lateness < 0)
        {
            throw new IllegalArgumentException("window join '" + name + "': allowed lateness must be >= 0, was " + lateness);
        }
        this.allowedLateness = lateness;
        return this;
    }

    /**
     * @param keys expected keys: window state is presized for them.
     * @return this.
     */
    public WindowJoinBuilder<L, R> expectedKeys(final int keys)
    {
        if (keys <= 0)
        {
            throw new IllegalArgumentException("window join '" + name + "': expected keys must be > 0, was " + keys);
        }
        this.expectedKeys = keys;
        return this;
    }

    /**
     * @param bytes block size for buffered records: a power of two that holds either codec's largest record
     *              plus 21 bytes; default 1024.
     * @return this.
     */
    public WindowJoinBuilder<L, R> recordBlockBytes(final int bytes)
    {
        this.recordBlockBytes = bytes;
        return this;
    }

    /**
     * A window join: each firing emits every (left, right) pair of the window, left records outer and right
     * records inner, both in arrival order.
     *
     * @param leftCodec     encodes buffered left records.
     * @param rightCodec    encodes buffered right records.
     * @param outputFactory creates the one output record the operator reuses; called once, here.
     * @param function      fills it from each pair.
     * @param <O>           output type.
     * @return the operator, not yet opened.
     */
    public <O> WindowJoinOperator<L, R, O> join(
        final RecordCodec<L> leftCodec,
        final RecordCodec<R> rightCodec,
        final Supplier<O> outputFactory,
        final JoinFunction<L, R, O> function)
    {
        Objects.requireNonNull(outputFactory, "outputFactory");
        Objects.requireNonNull(function, "function");
        final O joined = Objects.requireNonNull(outputFactory.get(), "outputFactory returned null");
        return build("join", leftCodec, rightCodec, new CrossProduct<>(function, joined));
    }

    /**
     * A window co-group: each firing hands both sides of the window to the function, one of them possibly empty.
     *
     * @param leftCodec  encodes buffered left records.
     * @param rightCodec encodes buffered right records.
     * @param function   sees each firing window's two sides.
     * @param <O>        output type.
     * @return the operator, not yet opened.
     */
    public <O> WindowJoinOperator<L, R, O> coGroup(
        final RecordCodec<L> leftCodec, final RecordCodec<R> rightCodec, final CoGroupFunction<L, R, O> function)
    {
        return build("co-group", leftCodec, rightCodec, Objects.requireNonNull(function, "function"));
    }

    private <O> WindowJoinOperator<L, R, O> build(
        final String kind, final RecordCodec<L> leftCodec, final RecordCodec<R> rightCodec,
        final CoGroupFunction<L, R, O> function)
    {
        Objects.requireNonNull(leftCodec, "leftCodec");
        Objects.requireNonNull(rightCodec, "rightCodec");
        if (assigner == null)
        {
            throw new IllegalStateException("window join '" + name + "' has no window assigner: call window(Windows.…)");
        }
        final SidePool<L> leftPool = new SidePool<>(leftCodec);
        final SidePool<R> rightPool = new SidePool<>(rightCodec);
        final TaggedCodec<L, R> codec = new TaggedCodec<>(leftCodec, rightCodec, leftPool, rightPool);
        return new WindowJoinOperator<>(name, kind, this, leftPool, rightPool, codec, function);
    }

    /** @return the shared window operator's builder, configured from this one. */
    WindowOperatorBuilder<Tagged<L, R>> windowOperator()
    {
        final KeySelector<L> leftKey = this.leftKey;
        final KeySelector<R> rightKey = this.rightKey;
        return WindowOperator.<Tagged<L, R>>keyed(name,
            tagged -> tagged.side == Tagged.LEFT ? leftKey.key(tagged.left) : rightKey.key(tagged.right))
            .window(assigner)
            .allowedLateness(allowedLateness)
            .expectedKeys(expectedKeys)
            .recordBlockBytes(recordBlockBytes);
    }
}
