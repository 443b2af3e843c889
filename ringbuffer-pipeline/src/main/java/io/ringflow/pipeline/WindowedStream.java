package io.ringflow.pipeline;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.window.ProcessWindowFunction;
import io.ringflow.operators.window.Trigger;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowOperatorBuilder;
import io.ringflow.operators.window.WindowResult;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A keyed stream cut into windows, waiting for its aggregation. Flink's semantics: windows fire when
 * the watermark passes their end, fire again for late records within the allowed lateness, and reject
 * records beyond it as late.
 * <p>
 * Threading: record on one thread.
 *
 * @param <I> the pipeline's ingress record type.
 * @param <T> record type.
 */
public final class WindowedStream<I, T>
{
    private final KeyedStream<I, T> keyed;
    private final WindowAssigner assigner;
    private long allowedLateness;
    private Trigger<T> trigger;
    private int expectedKeys = KeyedStream.DEFAULT_EXPECTED_KEYS;
    private boolean panes;

    WindowedStream(final KeyedStream<I, T> keyed, final WindowAssigner assigner)
    {
        this.keyed = keyed;
        this.assigner = assigner;
    }

    /**
     * @param lateness how long after a window's end late records still update it (event-time units).
     * @return this.
     */
    public WindowedStream<I, T> allowedLateness(final long lateness)
    {
        this.allowedLateness = lateness;
        return this;
    }

    /**
     * @param trigger when windows fire (event time by default).
     * @return this.
     */
    public WindowedStream<I, T> trigger(final Trigger<T> trigger)
    {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        return this;
    }

    /**
     * @param keys keys to size the window state for up front.
     * @return this.
     */
    public WindowedStream<I, T> expectedKeys(final int keys)
    {
        this.expectedKeys = keys;
        return this;
    }

    /**
     * Keep sliding windows as panes, one accumulator per key and slide: faster where keys see several records
     * per slide, slower where they see about one; same results. See {@code WindowOperatorBuilder.panes()}.
     *
     * @return this.
     */
    public WindowedStream<I, T> panes()
    {
        this.panes = true;
        return this;
    }

    /**
     * Route records too late for any window (beyond the allowed lateness) to a sink.
     *
     * @param sink where they go, on the stage's thread.
     * @return this.
     */
    @SuppressWarnings("unchecked")
    public WindowedStream<I, T> lateRecords(final Sink<? super Rejected<T>> sink)
    {
        // the window's rejections are of its input type T, so the cast only widens what the sink sees
        keyed.stream.rejected(RejectReason.LATE, (rejected, timestamp) -> sink.onRecord((Rejected<T>)rejected, timestamp));
        return this;
    }

    /**
     * Aggregate each window incrementally: constant state per key and window, nothing buffered.
     *
     * @param name     operator name.
     * @param function the aggregation.
     * @return one {@link WindowResult} per firing.
     */
    public Stream<I, WindowResult> aggregate(final String name, final AggregateFunction<T> function)
    {
        Objects.requireNonNull(function, "function");
        keyed.requireEventTime("window", name);
        final Supplier<WindowOperator<T, WindowResult>> factory = () -> configure(name).aggregate(function);
        return keyed.stream.add(name, factory, WindowResultType.withSlots(function.resultSlots()));
    }

    /**
     * Hand each firing window's records to a function that sees them all. Buffers every record (encoded
     * with {@code codec}) until the window is purged.
     *
     * @param name       operator name.
     * @param codec      how records are buffered.
     * @param function   the window function.
     * @param outputType its output records' type.
     * @param <R>        output type.
     * @return the function's output.
     */
    public <R> Stream<I, R> process(
        final String name, final RecordCodec<T> codec, final ProcessWindowFunction<T, R> function,
        final RecordType<R> outputType)
    {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(function, "function");
        keyed.requireEventTime("window", name);
        return keyed.stream.add(name, () -> configure(name).process(codec, function),
            Objects.requireNonNull(outputType, "outputType"));
    }

    private WindowOperatorBuilder<T> configure(final String name)
    {
        final WindowOperatorBuilder<T> builder = WindowOperator.keyed(name, keyed.key)
            .window(assigner).allowedLateness(allowedLateness).expectedKeys(expectedKeys);
        if (panes)
        {
            builder.panes();
        }
        return null == trigger ? builder : builder.trigger(trigger);
    }
}
