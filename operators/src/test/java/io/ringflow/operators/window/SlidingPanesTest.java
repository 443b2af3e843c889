package io.ringflow.operators.window;

import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.aggregate.ResultSlots;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.testing.OperatorTestHarness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sliding windows kept as panes (one slot per key and slide) must behave exactly as one slot per window:
 * the same results, kinds, timestamps, watermarks and rejections, on-time and late, for any stream.
 */
class SlidingPanesTest
{
    private static final AggregateFunction<Event> EXACT = Aggregates.of(
        Aggregates.count(), Aggregates.sum(Event::value), Aggregates.min(Event::value), Aggregates.max(Event::value),
        Aggregates.first(Event::value), Aggregates.last(Event::value));

    @Test
    void shouldKeepPanesOnlyWhereMergingCannotChangeAResult()
    {
        final WindowContentsHandler<Event, WindowResult> exact = new AggregatingContents<>(EXACT);
        assertThat(SlidingPanes.whyNot(new SlidingWindows(30, 10, 0), Triggers.eventTime(), exact)).isNull();
        assertThat(SlidingPanes.whyNot(new SlidingWindows(30, 7, 0), Triggers.eventTime(), exact))
            .as("size not a multiple of the slide").isNotNull();
        assertThat(SlidingPanes.whyNot(new SlidingWindows(10, 10, 0), Triggers.eventTime(), exact))
            .as("tumbling in disguise").isNotNull();
        assertThat(SlidingPanes.whyNot(new SlidingWindows(30, 10, 0), Triggers.eventTimeWithEarlyFirings(5), exact))
            .as("a trigger with per-window state").isNotNull();
        assertThat(SlidingPanes.whyNot(new SlidingWindows(30, 10, 0), Triggers.eventTime(),
            new AggregatingContents<>(Aggregates.of(Aggregates.count(), Aggregates.<Event>sumDouble(e -> e.value)))))
            .as("floating-point sums depend on the order of addition").isNotNull();
        assertThat(SlidingPanes.whyNot(new SlidingWindows(30, 10, 0), Triggers.eventTime(), new AggregatingContents<>(inexact(EXACT))))
            .as("an aggregate that does not say it merges exactly").isNotNull();
    }

    @Test
    void shouldFireEachWindowFromItsPanesAndLateWindowsAtOnce()
    {
        try (OperatorTestHarness<Event, WindowResult> h = Windowing.harness(WindowOperator.<Event>keyed("w", Event::key)
            .window(Windows.sliding(20, 10)).allowedLateness(15).panes()
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)))))
        {
            h.processElement(new Event(1, 5), 12);
            h.processElement(new Event(1, 7), 25);
            h.processWatermark(19);
            assertThat(h.outputRecords()).containsExactly(Windowing.result(1, 0, 20, FiringKind.ON_TIME, 1, 5));
            h.clearOutput();
            // late for [0, 20) (max timestamp 19 <= watermark, cleanup 34 ahead): fires it again at once
            h.processElement(new Event(1, 100), 15);
            assertThat(h.outputRecords()).containsExactly(Windowing.result(1, 0, 20, FiringKind.LATE, 2, 105));
            h.clearOutput();
            h.processWatermark(29);
            assertThat(h.outputRecords()).containsExactly(Windowing.result(1, 10, 30, FiringKind.ON_TIME, 3, 112));
        }
    }

    /** Random streams with disorder, late records and watermark jumps; random pane counts, offsets and lateness. */
    @Property(tries = 150)
    void panesGiveExactlyWhatOneSlotPerWindowGives(
        @ForAll final long seed, @ForAll @IntRange(min = 2, max = 6) final int panesPerWindow,
        @ForAll @IntRange(min = 1, max = 12) final int slide, @ForAll @IntRange(min = 0, max = 40) final int lateness)
    {
        final Random random = new Random(seed);
        final long offset = random.nextInt(2 * slide + 1) - slide;
        final WindowAssigner assigner = Windows.sliding((long)slide * panesPerWindow, slide, offset);
        final WindowOperator<Event, WindowResult> paned = operator(assigner, lateness, true);
        final WindowOperator<Event, WindowResult> perWindow = operator(assigner, lateness, false);
        try (OperatorTestHarness<Event, WindowResult> a = Windowing.harness(paned);
             OperatorTestHarness<Event, WindowResult> b = Windowing.harness(perWindow))
        {
            long maxTimestamp = random.nextInt(100) - 50;
            long watermark = Long.MIN_VALUE;
            for (int i = 0; i < 300; i++)
            {
                if (random.nextInt(4) == 0)
                {
                    final long candidate = maxTimestamp - random.nextInt(3 * slide + 1);
                    if (candidate > watermark)
                    {
                        watermark = candidate;
                        a.processWatermark(watermark);
                        b.processWatermark(watermark);
                    }
                    continue;
                }
                final long timestamp = random.nextInt(8) == 0 ? maxTimestamp - random.nextInt(slide * panesPerWindow + lateness + 10) :
                    maxTimestamp + random.nextInt(2 * slide + 1) - slide / 2;
                maxTimestamp = Math.max(maxTimestamp, timestamp);
                final Event event = new Event(random.nextInt(4), random.nextInt(1000) - 500);
                a.processElement(event, timestamp);
                b.processElement(event, timestamp);
                if (i % 50 == 49)
                {
                    final List<String> describedA = new ArrayList<>();
                    final List<String> describedB = new ArrayList<>();
                    paned.describeKey(event.key, describedA);
                    perWindow.describeKey(event.key, describedB);
                    assertThat(describedA).as("seed %d: the state view at record %d", seed, i).isEqualTo(describedB);
                }
            }
            a.processWatermark(Long.MAX_VALUE);
            b.processWatermark(Long.MAX_VALUE);
            assertThat(a.output().toString()).as("seed %d: output", seed).isEqualTo(b.output().toString());
            assertThat(a.watermarks()).isEqualTo(b.watermarks());
            assertThat(a.rejected().toString()).as("seed %d: rejections", seed).isEqualTo(b.rejected().toString());
            assertThat(paned.counters().toString()).isEqualTo(perWindow.counters().toString());
            assertThat(paned.openWindows()).as("everything cleaned up at the end").isZero();
        }
    }

    private static WindowOperator<Event, WindowResult> operator(
        final WindowAssigner assigner, final long lateness, final boolean panes)
    {
        final WindowOperatorBuilder<Event> builder =
            WindowOperator.<Event>keyed("w", Event::key).window(assigner).allowedLateness(lateness).expectedKeys(2);
        return (panes ? builder.panes() : builder).aggregate(EXACT);
    }

    /** The two layouts key their slots differently: a snapshot of one must be refused by the other, not misread. */
    @Test
    void shouldRefuseASnapshotTakenWithTheOtherLayout()
    {
        for (final boolean panesFirst : new boolean[] { true, false })
        {
            final byte[] snapshot;
            try (OperatorTestHarness<Event, WindowResult> h = Windowing.harness(operator(Windows.sliding(30, 10), 5, panesFirst)))
            {
                h.processElement(new Event(1, 5), 12).processElement(new Event(2, 7), 25);
                snapshot = h.snapshot();
            }
            final WindowOperator<Event, WindowResult> other = operator(Windows.sliding(30, 10), 5, !panesFirst);
            assertThatThrownBy(() -> OperatorTestHarness.restore(other, snapshot, Event::copy, WindowResult::copy))
                .as("taken with panes=%s", panesFirst)
                .isInstanceOf(SnapshotException.class).hasMessageContaining("snapshot was taken with")
                .satisfies(e -> assertThat(e.getMessage().indexOf(" panes")).as("where the message names the panes")
                    .isEqualTo(panesFirst ? e.getMessage().indexOf(" panes but the operator is configured as") :
                        e.getMessage().length() - " panes".length()));
            other.close();
        }
    }

    @Test
    void shouldRefuseToKeepPanesWhereTheyCouldChangeAResultSayingWhy()
    {
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("t", Event::key).window(Windows.tumbling(10)).panes()
            .aggregate(EXACT))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("window operator 't'")
            .hasMessageContaining("panes are for sliding windows");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("s", Event::key).window(Windows.sliding(30, 7)).panes()
            .aggregate(EXACT))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("multiple");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("d", Event::key).window(Windows.sliding(30, 10)).panes()
            .aggregate(Aggregates.<Event>sumDouble(e -> e.value)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("merge is exact");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("e", Event::key).window(Windows.sliding(30, 10)).panes()
            .trigger(Triggers.eventTimeWithEarlyFirings(5)).aggregate(EXACT))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("default event-time trigger");
    }

    /** The same aggregate, claiming no exact merge: the operator then keeps one slot per window. */
    private static AggregateFunction<Event> inexact(final AggregateFunction<Event> function)
    {
        return new AggregateFunction<>()
        {
            @Override
            public int accumulatorBytes()
            {
                return function.accumulatorBytes();
            }

            @Override
            public int resultSlots()
            {
                return function.resultSlots();
            }

            @Override
            public void reset(final MutableDirectBuffer acc, final int offset)
            {
                function.reset(acc, offset);
            }

            @Override
            public void add(final Event record, final long timestamp, final MutableDirectBuffer acc, final int offset)
            {
                function.add(record, timestamp, acc, offset);
            }

            @Override
            public void merge(final MutableDirectBuffer acc, final int offset, final DirectBuffer other, final int otherOffset)
            {
                function.merge(acc, offset, other, otherOffset);
            }

            @Override
            public void result(final DirectBuffer acc, final int offset, final ResultSlots out, final int firstSlot)
            {
                function.result(acc, offset, out, firstSlot);
            }

            @Override
            public String toString()
            {
                return function.toString();
            }
        };
    }
}
