package io.ringflow.operators.time;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.Sides;
import io.ringflow.operators.TwoInputAdapter;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two streams as one: per-side event time combined into one watermark, per-side idleness, and a
 * two-input operator run on the union through {@link TwoInputAdapter}.
 */
class TwoSidedTimestampsOperatorTest
{
    /** A union record: an order (left) or a fill (right), each with its own time field. */
    static final class Event
    {
        final boolean order;
        final long orderTime;
        final long fillTime;

        Event(final boolean order, final long time)
        {
            this.order = order;
            this.orderTime = order ? time : -1;
            this.fillTime = order ? -1 : time;
        }
    }

    static final Sides<Event, Event, Event> SIDES = new Sides<>()
    {
        @Override
        public boolean isLeft(final Event union)
        {
            return union.order;
        }

        @Override
        public Event left(final Event union)
        {
            return union;
        }

        @Override
        public Event right(final Event union)
        {
            return union;
        }
    };

    private static TwoSidedTimestampsOperator<Event> timestamps()
    {
        return new TwoSidedTimestampsOperator<>("time", SIDES,
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(10).withTimestampAssigner(e -> e.orderTime).withIdleness(100),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(0).withTimestampAssigner(e -> e.fillTime).withIdleness(100));
    }

    @Test
    void shouldStampEachSideWithItsOwnFieldAndEmitTheMinimumOfBothWatermarks()
    {
        try (OperatorTestHarness<Event, Event> h = OperatorTestHarness.open(timestamps(), e -> e))
        {
            h.processElement(new Event(true, 100), 0);
            assertThat(h.watermarks()).as("the fill side has no watermark yet").isEmpty();
            h.processElement(new Event(false, 50), 0);
            assertThat(h.watermarks()).containsExactly(49L);
            h.processElement(new Event(false, 500), 0);
            assertThat(h.watermarks()).as("held back by the order side: 100 - 10 - 1").containsExactly(49L, 89L);
            assertThat(h.output()).extracting(e -> e.timestamp()).containsExactly(100L, 50L, 500L);
        }
    }

    @Test
    void shouldLetTheOtherSideDriveEventTimeWhileOneSideIsIdleAndGoIdleOnlyWhenBothAre()
    {
        try (OperatorTestHarness<Event, Event> h = OperatorTestHarness.open(timestamps(), e -> e))
        {
            h.advanceProcessingTime(0);
            h.processElement(new Event(true, 100), 0).processElement(new Event(false, 90), 0);
            h.advanceProcessingTime(1).advanceProcessingTime(60);
            h.processElement(new Event(false, 400), 0);
            assertThat(h.watermarks()).containsExactly(89L);
            h.advanceProcessingTime(101);
            assertThat(h.watermarks()).as("orders idle: fills alone").containsExactly(89L, 399L);
            assertThat(h.idleSignals()).isZero();
            h.advanceProcessingTime(200);
            assertThat(h.idleSignals()).as("the fill at 400 is dated to tick 101").isZero();
            h.advanceProcessingTime(201);
            assertThat(h.idleSignals()).isEqualTo(1);
            h.processElement(new Event(true, 300), 0);
            assertThat(h.watermarks()).as("never back").containsExactly(89L, 399L);
        }
    }

    /** Orders hold event time; fills (say, a table's changelog) are stamped but never awaited. */
    private static TwoSidedTimestampsOperator<Event> fillsExcluded()
    {
        return new TwoSidedTimestampsOperator<>("time", SIDES,
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(10).withTimestampAssigner(e -> e.orderTime).withIdleness(100),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(0).withTimestampAssigner(e -> e.fillTime).excludedFromWatermark());
    }

    @Test
    void shouldLeaveASideExcludedFromTheWatermarkOutOfEventTimeButStampAndPassItsRecords()
    {
        try (OperatorTestHarness<Event, Event> h = OperatorTestHarness.open(fillsExcluded(), e -> e))
        {
            h.processElement(new Event(true, 100), 0);
            assertThat(h.watermarks()).as("the order side alone: 100 - 10 - 1, no waiting for a first fill")
                .containsExactly(89L);
            h.processElement(new Event(false, 20), 0).processElement(new Event(false, 5_000), 0);
            assertThat(h.watermarks()).as("fills neither hold nor move event time").containsExactly(89L);
            h.processElement(new Event(true, 300), 0);
            assertThat(h.watermarks()).containsExactly(89L, 289L);
            assertThat(h.output()).extracting(e -> e.timestamp()).as("every record passes, stamped with its own field")
                .containsExactly(100L, 20L, 5_000L, 300L);
        }
    }

    @Test
    void shouldGoIdleWithTheCountedSideAloneAndStayIdleThroughAnExcludedSidesRecords()
    {
        try (OperatorTestHarness<Event, Event> h = OperatorTestHarness.open(fillsExcluded(), e -> e))
        {
            h.advanceProcessingTime(0);
            h.processElement(new Event(true, 100), 0);
            h.advanceProcessingTime(1).advanceProcessingTime(100);   // the order is dated to tick 1
            assertThat(h.idleSignals()).isZero();
            h.advanceProcessingTime(101);
            assertThat(h.idleSignals()).as("the order side idle is the union idle").isEqualTo(1);
            h.processElement(new Event(false, 150), 0);
            assertThat(h.idleSignals()).as("a fill passes and the union says again that it is idle").isEqualTo(2);
            assertThat(h.output()).extracting(e -> e.timestamp()).containsExactly(100L, 150L);
        }
    }

    @Test
    void shouldKeepTheExclusionAcrossASnapshotAndRefuseItWhereNoOtherSideCounts()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Event, Event> h = OperatorTestHarness.open(timestamps(), e -> e))
        {
            h.processElement(new Event(true, 100), 0).processElement(new Event(false, 50), 0);
            snapshot = h.snapshot();   // taken while fills still counted (watermark 49)
        }
        try (OperatorTestHarness<Event, Event> restored =
            OperatorTestHarness.restore(fillsExcluded(), snapshot, e -> e, e -> e))
        {
            restored.processElement(new Event(true, 400), 0);
            assertThat(restored.watermarks()).as("restored with the fills excluded: only orders count")
                .containsExactly(389L);
        }

        final WatermarkStrategy<Event> excluded = WatermarkStrategy.<Event>forMonotonousTimestamps().excludedFromWatermark();
        assertThat(excluded.isExcludedFromWatermark()).isTrue();
        assertThat(excluded).hasToString("WatermarkStrategy{maxOutOfOrdernessTicks=0, carried timestamps, excluded from the watermark}");
        assertThatThrownBy(() -> new TwoSidedTimestampsOperator<>("both", SIDES, excluded, excluded))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator 'both': both sides are excluded");
        assertThatThrownBy(() -> new TimestampsAndWatermarksOperator<>("single", excluded))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("operator 'single': a strategy excluded from the watermark");
    }

    @Test
    void shouldRunATwoInputOperatorOnTheUnionWithTheCombinedWatermark()
    {
        final OperatorChain<Event, String> chain = OperatorChain.<Event, Event>first(timestamps())
            .then(new TwoInputAdapter<>(SIDES, new Describing()));
        try (OperatorTestHarness<Event, String> h = OperatorTestHarness.open(chain, s -> s))
        {
            h.processElement(new Event(true, 100), 0).processElement(new Event(false, 95), 0);
            h.processWatermark(Long.MAX_VALUE);
            // end of input reaches the order side first: the fills' 94 is the minimum for a moment
            assertThat(h.outputRecords())
                .containsExactly("order@100", "fill@95", "watermark 89", "watermark 94", "watermark " + Long.MAX_VALUE);

            final byte[] snapshot = h.snapshot();
            final OperatorChain<Event, String> fresh = OperatorChain.<Event, Event>first(timestamps())
                .then(new TwoInputAdapter<>(SIDES, new Describing()));
            try (OperatorTestHarness<Event, String> restored = OperatorTestHarness.restore(fresh, snapshot, e -> e, s -> s))
            {
                assertThat(restored.snapshot()).isEqualTo(snapshot);
            }
        }
    }

    /** Emits a line per record and watermark. */
    static final class Describing implements TwoInputOperator<Event, Event, String>
    {
        private Output<String> output;

        @Override
        public void open(final Output<String> output)
        {
            this.output = output;
        }

        @Override
        public void processLeft(final Event record, final long timestamp)
        {
            output.emit("order@" + timestamp, timestamp);
        }

        @Override
        public void processRight(final Event record, final long timestamp)
        {
            output.emit("fill@" + timestamp, timestamp);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            output.emit("watermark " + watermark, watermark);
            output.emitWatermark(watermark);
        }

        @Override
        public void processIdle()
        {
            output.emitIdle();
        }

        @Override
        public String snapshotType()
        {
            return "describing";
        }

        @Override
        public int snapshotVersion()
        {
            return 1;
        }

        @Override
        public void snapshotState(final SnapshotWriter out)
        {
        }

        @Override
        public void restoreState(final SnapshotReader in, final int version)
        {
        }
    }
}
