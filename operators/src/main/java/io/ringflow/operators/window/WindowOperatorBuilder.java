package io.ringflow.operators.window;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.record.RecordCodec;

import java.util.Objects;

/**
 * Configures a {@link WindowOperator}; validated once, in {@link #aggregate} or {@link #process}.
 * <pre>{@code
 * WindowOperator<Trade, WindowResult> vwap = WindowOperator.keyed("vwap", Trade::instrumentId)
 *     .window(Windows.tumbling(1_000))
 *     .allowedLateness(200)
 *     .expectedKeys(5_000)
 *     .aggregate(Aggregates.of(Aggregates.sum(Trade::notional), Aggregates.sum(Trade::quantity)));
 * }</pre>
 *
 * @param <T> record type.
 */
public final class WindowOperatorBuilder<T>
{
    private final String name;
    private final KeySelector<T> keySelector;
    private WindowAssigner assigner;
    private Trigger<T> trigger;
    private long allowedLateness;
    private int expectedKeys = 1024;
    private int recordBlockBytes = 1024;
    private boolean panes;

    WindowOperatorBuilder(final String name, final KeySelector<T> keySelector)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
    }

    /**
     * @param assigner from {@link Windows}.
     * @return this.
     */
    public WindowOperatorBuilder<T> window(final WindowAssigner assigner)
    {
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        return this;
    }

    /**
     * @param trigger replaces the default event-time trigger; from {@link Triggers} or your own.
     * @return this.
     */
    public WindowOperatorBuilder<T> trigger(final Trigger<T> trigger)
    {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        return this;
    }

    /**
     * @param lateness how long after its max timestamp a window keeps its state and accepts late
     *                 records, {@code >= 0}; a sum past {@code Long.MAX_VALUE} keeps windows until end of stream.
     * @return this.
     */
    public WindowOperatorBuilder<T> allowedLateness(final long lateness)
    {
        if (lateness < 0)
        {
            throw new IllegalArgumentException("window operator '" + name + "': allowed lateness must be >= 0, was " + lateness);
        }
        this.allowedLateness = lateness;
        return this;
    }

    /**
     * @param keys expected keys: state is presized for this many open windows so that it does not grow.
     * @return this.
     */
    public WindowOperatorBuilder<T> expectedKeys(final int keys)
    {
        if (keys <= 0)
        {
            throw new IllegalArgumentException("window operator '" + name + "': expected keys must be > 0, was " + keys);
        }
        this.expectedKeys = keys;
        return this;
    }

    /**
     * @param bytes block size for records buffered by a process function: a power of two that holds the
     *              codec's largest record plus 20 bytes; default 1024.
     * @return this.
     */
    public WindowOperatorBuilder<T> recordBlockBytes(final int bytes)
    {
        this.recordBlockBytes = bytes;
        return this;
    }

    /**
     * Keep sliding windows as panes: one accumulator per key and slide instead of one per key and window. A
     * record updates one pane instead of {@code size / slide} windows; a firing window merges its
     * {@code size / slide} panes instead of reading one slot. Results, kinds, timestamps and rejections are
     * the same (one exception below); only speed and memory change, and which way depends on the data:
     * JMH {@code SlidingWindowBenchmark} (six windows per record, 10k keys) ran 2.8 times as fast with ten
     * records per key per slide, and about 0.6–0.7 times as fast with one. Use it where keys see several
     * records per slide. Needs a size that is a multiple of the slide, the default event-time trigger and an
     * aggregate that merges exactly ({@link AggregateFunction#mergesExactly()}); the build refuses it
     * otherwise, saying which. The exception: long sums (and averages) throw {@link ArithmeticException} when a
     * running total overflows, and panes add the same values in other groupings (per pane, then per window),
     * so near {@code Long.MAX_VALUE} one layout can throw where the other does not, or at another record or
     * firing. A snapshot taken with panes restores only into an operator with panes, and the other way round.
     *
     * @return this.
     */
    public WindowOperatorBuilder<T> panes()
    {
        this.panes = true;
        return this;
    }

    /**
     * @param function incremental aggregate.
     * @return the operator, emitting one reused {@link WindowResult} per firing.
     */
    public WindowOperator<T, WindowResult> aggregate(final AggregateFunction<T> function)
    {
        Objects.requireNonNull(function, "function");
        return build(new AggregatingContents<>(function));
    }

    /**
     * @param codec    encodes records into the window's off-heap buffer.
     * @param function sees all of a window's records when it fires.
     * @param <R>      output type.
     * @return the operator.
     */
    public <R> WindowOperator<T, R> process(final RecordCodec<T> codec, final ProcessWindowFunction<T, R> function)
    {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(function, "function");
        return build(new BufferingContents<>(codec, function, recordBlockBytes));
    }

    private <R> WindowOperator<T, R> build(final WindowContentsHandler<T, R> contents)
    {
        if (assigner == null)
        {
            throw new IllegalStateException("window operator '" + name + "' has no window assigner: call window(Windows.…)");
        }
        if (!assigner.isEventTime() && trigger == null)
        {
            throw new IllegalStateException("window operator '" + name +
                "' uses the global window, which fires only on a custom trigger: call trigger(…)");
        }
        final Trigger<T> effective = trigger != null ? trigger : Triggers.eventTime();
        if (assigner.isMerging() && !effective.canMerge())
        {
            throw new IllegalStateException("window operator '" + name + "': trigger " + effective +
                " cannot merge, so it cannot be used with " + assigner);
        }
        // open windows per key: the current ones plus a quarter for keys already into their next window
        final long windowsPerKey4 = assigner.isMerging() ? 8L : 4L * assigner.maxWindowsPerRecord() + 1L;
        final int expectedWindows = (int)Math.min(1 << 26, expectedKeys * windowsPerKey4 / 4);
        if (panes)
        {
            final String whyNot = SlidingPanes.whyNot(assigner, effective, contents);
            if (null != whyNot)
            {
                throw new IllegalStateException("window operator '" + name + "': " + whyNot);
            }
        }
        return new WindowOperator<>(name, keySelector, assigner, effective, allowedLateness, contents, expectedWindows, panes);
    }
}
