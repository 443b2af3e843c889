package io.ringflow.conformance.ringflow;

import io.ringflow.conformance.CoGroupFiring;
import io.ringflow.conformance.JoinEngine;
import io.ringflow.conformance.JoinResult;
import io.ringflow.conformance.JoinScenario;
import io.ringflow.conformance.JoinSpec;
import io.ringflow.conformance.JoinedPair;
import io.ringflow.conformance.SideEvent;
import io.ringflow.conformance.WindowSpec;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.join.IntervalJoinBuilder;
import io.ringflow.operators.join.IntervalJoinOperator;
import io.ringflow.operators.join.WindowJoinBuilder;
import io.ringflow.operators.join.WindowJoinOperator;
import io.ringflow.operators.join.WindowSide;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.RecordCopier;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import io.ringflow.operators.time.WatermarkGenerator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.Windows;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Ringflow's side of the join differential test: the scenario's records go, in list order, into
 * {@link IntervalJoinOperator} or {@link WindowJoinOperator} (join, then co-group) through
 * {@link TwoInputOperatorTestHarness}, which combines the two sides' watermarks as a two-input stage
 * does. Each side's watermark comes from the project's bounded out-of-orderness generator
 * ({@code maxTimestamp - bound - 1}), handed to the harness after each of the side's records when it
 * advanced; the end of input is {@link Timestamps#END_OF_STREAM} on both sides. Rejections must all be
 * {@link RejectReason#LATE} and become the late records.
 */
public final class RingflowJoinEngine implements JoinEngine
{
    /** A side's mutable record, one per side, refilled per event like a ring slot. */
    private static final class Slot
    {
        long key;
        long id;
    }

    /** A join's reused output record. */
    private static final class Ids
    {
        long left;
        long right;
    }

    private static final RecordCodec<Slot> CODEC = new RecordCodec<>()
    {
        @Override
        public int schemaId()
        {
            return 1;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 2 * Long.BYTES;
        }

        @Override
        public Slot newInstance()
        {
            return new Slot();
        }

        @Override
        public int encode(final Slot record, final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, record.key);
            buffer.putLong(offset + Long.BYTES, record.id);
            return 2 * Long.BYTES;
        }

        @Override
        public void decode(final DirectBuffer buffer, final int offset, final int length, final Slot into)
        {
            into.key = buffer.getLong(offset);
            into.id = buffer.getLong(offset + Long.BYTES);
        }
    };

    @Override
    public JoinResult run(final JoinScenario scenario, final List<SideEvent> events)
    {
        if (scenario.join() instanceof JoinSpec.Interval)
        {
            final JoinSpec.Interval interval = (JoinSpec.Interval)scenario.join();
            IntervalJoinBuilder<Slot, Slot> builder = IntervalJoinOperator.<Slot, Slot>keyed("conformance", s -> s.key, s -> s.key)
                .between(interval.lower(), interval.upper());
            builder = interval.lowerExclusive() ? builder.lowerBoundExclusive() : builder;
            builder = interval.upperExclusive() ? builder.upperBoundExclusive() : builder;
            final Run<Ids> run = drive(builder.join(CODEC, CODEC, Ids::new, RingflowJoinEngine::join), this::copy,
                scenario, events);
            return new JoinResult(pairs(run.output), List.of(), run.late);
        }
        final JoinSpec.Windowed windowed = (JoinSpec.Windowed)scenario.join();
        final Run<Ids> joined = drive(windowed(windowed).join(CODEC, CODEC, Ids::new, RingflowJoinEngine::join), this::copy,
            scenario, events);
        final Run<CoGroupFiring> coGrouped = drive(windowed(windowed).coGroup(CODEC, CODEC,
            (key, window, kind, left, right, out) -> out.collect(new CoGroupFiring(key, window.maxTimestamp(), ids(left), ids(right)))),
            RecordCopier.identity(), scenario, events);
        final List<CoGroupFiring> firings = new ArrayList<>();
        for (final Emitted<CoGroupFiring> firing : coGrouped.output)
        {
            if (firing.timestamp() != firing.record().maxTimestamp())
            {
                throw new IllegalStateException("co-group firing emitted at " + firing.timestamp() + ": " + firing.record());
            }
            firings.add(firing.record());
        }
        if (!coGrouped.late.equals(joined.late))
        {
            throw new IllegalStateException("the window join and co-group rejected different records");
        }
        return new JoinResult(pairs(joined.output), firings, joined.late);
    }

    private static void join(final Slot left, final Slot right, final Ids into)
    {
        into.left = left.id;
        into.right = right.id;
    }

    private Ids copy(final Ids ids)
    {
        final Ids copy = new Ids();
        copy.left = ids.left;
        copy.right = ids.right;
        return copy;
    }

    private static String ids(final WindowSide<Slot> side)
    {
        return CoGroupFiring.ids(LongStream.range(0, side.size()).map(i -> side.record((int)i).id));
    }

    private static List<JoinedPair> pairs(final List<Emitted<Ids>> output)
    {
        final List<JoinedPair> pairs = new ArrayList<>();
        for (final Emitted<Ids> emitted : output)
        {
            pairs.add(new JoinedPair(emitted.record().left, emitted.record().right, emitted.timestamp()));
        }
        return pairs;
    }

    private static WindowJoinBuilder<Slot, Slot> windowed(final JoinSpec.Windowed windowed)
    {
        return WindowJoinOperator.<Slot, Slot>keyed("conformance", s -> s.key, s -> s.key)
            .window(assigner(windowed.window()))
            .allowedLateness(windowed.allowedLateness());
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

    /** What one operator emitted over the scenario. */
    private record Run<O>(List<Emitted<O>> output, List<SideEvent> late)
    {
    }

    private static <O> Run<O> drive(
        final TwoInputOperator<Slot, Slot, O> operator, final RecordCopier<O> copier, final JoinScenario scenario,
        final List<SideEvent> events)
    {
        final List<SideEvent> late = new ArrayList<>();
        try (TwoInputOperatorTestHarness<Slot, Slot, O> h = TwoInputOperatorTestHarness.open(operator, copier))
        {
            final WatermarkGenerator<Slot> leftWatermarks =
                WatermarkStrategy.<Slot>forBoundedOutOfOrderness(scenario.outOfOrderness()).createGenerator();
            final WatermarkGenerator<Slot> rightWatermarks =
                WatermarkStrategy.<Slot>forBoundedOutOfOrderness(scenario.outOfOrderness()).createGenerator();
            final Slot left = new Slot();
            final Slot right = new Slot();
            long leftWatermark = Timestamps.MIN_WATERMARK;
            long rightWatermark = Timestamps.MIN_WATERMARK;
            for (final SideEvent event : events)
            {
                final int rejectedBefore = h.rejected().size();
                if (event.left())
                {
                    left.key = event.key();
                    left.id = event.id();
                    h.processLeft(left, event.timestamp());
                    final long watermark = leftWatermarks.onEvent(left, event.timestamp());
                    if (watermark > leftWatermark)
                    {
                        leftWatermark = watermark;
                        h.leftWatermark(watermark);
                    }
                }
                else
                {
                    right.key = event.key();
                    right.id = event.id();
                    h.processRight(right, event.timestamp());
                    final long watermark = rightWatermarks.onEvent(right, event.timestamp());
                    if (watermark > rightWatermark)
                    {
                        rightWatermark = watermark;
                        h.rightWatermark(watermark);
                    }
                }
                for (final Rejected<Object> rejected : h.rejected().subList(rejectedBefore, h.rejected().size()))
                {
                    if (rejected.reason() != RejectReason.LATE)
                    {
                        throw new IllegalStateException("unexpected rejection " + rejected + " of " + event);
                    }
                    late.add(event);
                }
            }
            h.leftWatermark(Timestamps.END_OF_STREAM).rightWatermark(Timestamps.END_OF_STREAM);
            return new Run<>(h.output(), late);
        }
    }
}
