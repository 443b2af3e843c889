package io.ringflow.conformance.ringflow;

import io.ringflow.conformance.Dropped;
import io.ringflow.conformance.Event;
import io.ringflow.conformance.Firing;
import io.ringflow.conformance.Result;
import io.ringflow.conformance.Scenario;
import io.ringflow.conformance.WindowEngine;
import io.ringflow.conformance.WindowSpec;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowOperatorBuilder;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Ringflow's side of the differential test: the scenario's events go through the same operators an
 * application would use — {@link TimestampsAndWatermarksOperator} with a bounded out-of-orderness
 * strategy (watermark {@code maxTimestamp - bound - 1} after each record) chained into a keyed
 * {@link WindowOperator} computing count, sum, min and max — driven on this thread in list order, then
 * flushed with the end-of-stream watermark. Window results become {@link Firing}s; records rejected as
 * {@link RejectReason#LATE} become {@link Dropped}.
 */
public final class RingflowEngine implements WindowEngine
{
    private final boolean panes;

    /** Windows as the builder makes them by default. */
    public RingflowEngine()
    {
        this(false);
    }

    /**
     * @param panes keep sliding windows as panes ({@code WindowOperatorBuilder.panes()}); only for sliding
     *              windows whose size is a multiple of the slide.
     */
    public RingflowEngine(final boolean panes)
    {
        this.panes = panes;
    }

    /** The mutable record the chain sees; one instance, refilled per event like a ring slot. */
    private static final class Slot
    {
        long key;
        long timestamp;
        long value;
    }

    @Override
    public Result run(final Scenario scenario, final List<Event> events)
    {
        final WindowOperatorBuilder<Slot> builder = WindowOperator.<Slot>keyed("conformance", slot -> slot.key)
            .window(assigner(scenario.window()))
            .allowedLateness(scenario.allowedLateness());
        final WindowOperator<Slot, WindowResult> window = (panes ? builder.panes() : builder).aggregate(Aggregates.of(
                Aggregates.count(), Aggregates.sum(slot -> slot.value), Aggregates.min(slot -> slot.value),
                Aggregates.max(slot -> slot.value)));
        final OperatorChain<Slot, WindowResult> chain = OperatorChain
            .first(new TimestampsAndWatermarksOperator<>("event-time",
                WatermarkStrategy.<Slot>forBoundedOutOfOrderness(scenario.outOfOrderness())
                    .withTimestampAssigner(slot -> slot.timestamp)))
            .then(window);
        final Collecting output = new Collecting();
        chain.open(output);
        final Slot slot = new Slot();
        for (final Event event : events)
        {
            slot.key = event.key();
            slot.timestamp = event.timestamp();
            slot.value = event.value();
            chain.processRecord(slot, event.timestamp());
        }
        chain.processWatermark(Long.MAX_VALUE);
        chain.close();
        return new Result(output.firings, output.dropped);
    }

    private static WindowAssigner assigner(final WindowSpec spec)
    {
        if (spec instanceof WindowSpec.Tumbling)
        {
            final WindowSpec.Tumbling tumbling = (WindowSpec.Tumbling)spec;
            return Windows.tumbling(tumbling.size(), tumbling.offset());
        }
        if (spec instanceof WindowSpec.Sliding)
        {
            final WindowSpec.Sliding sliding = (WindowSpec.Sliding)spec;
            return Windows.sliding(sliding.size(), sliding.slide(), sliding.offset());
        }
        return Windows.session(((WindowSpec.Session)spec).gap());
    }

    private static final class Collecting implements Output<WindowResult>
    {
        final List<Firing> firings = new ArrayList<>();
        final List<Dropped> dropped = new ArrayList<>();

        @Override
        public void emit(final WindowResult r, final long timestamp)
        {
            if (r.kind() == FiringKind.EARLY)
            {
                throw new IllegalStateException("the event-time trigger never fires early: " + r);
            }
            firings.add(new Firing(r.key(), r.start(), r.end(), r.longValue(0), r.longValue(1), r.longValue(2),
                r.longValue(3), r.kind() == FiringKind.LATE ? Firing.Kind.LATE : Firing.Kind.ON_TIME));
        }

        @Override
        public void emitWatermark(final long watermark)
        {
        }

        @Override
        public void emitIdle()
        {
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            final Rejected<?> rejected = (Rejected<?>)record;
            if (rejected.reason() != RejectReason.LATE)
            {
                throw new IllegalStateException("unexpected rejection " + rejected);
            }
            final Slot slot = (Slot)rejected.record();
            dropped.add(new Dropped(slot.key, slot.timestamp, slot.value));
        }
    }
}
