package io.ringflow.operators.join;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.Windows;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window join's and co-group's specification: window boundaries, kinds of windows, lateness, describeKey. */
class WindowJoinOperatorTest
{
    static WindowJoinOperator<Item, Item, Pair> join(final WindowAssigner assigner, final long lateness)
    {
        return WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key)
            .window(assigner).allowedLateness(lateness).expectedKeys(2).recordBlockBytes(64)
            .join(Item.CODEC, Item.CODEC, Pair::new, Pair::join);
    }

    static WindowJoinOperator<Item, Item, String> coGroup(final WindowAssigner assigner, final long lateness)
    {
        return WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key)
            .window(assigner).allowedLateness(lateness).expectedKeys(2).recordBlockBytes(64)
            .coGroup(Item.CODEC, Item.CODEC, (key, window, kind, left, right, out) ->
                out.collect("key " + key + " " + window + " " + kind + " left=" + ids(left) + " right=" + ids(right)));
    }

    private static String ids(final WindowSide<Item> side)
    {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < side.size(); i++)
        {
            ids.add(side.record(i).id + "@" + side.timestamp(i));
        }
        return ids.toString();
    }

    static <O> TwoInputOperatorTestHarness<Item, Item, O> harness(
        final WindowJoinOperator<Item, Item, O> operator, final io.ringflow.operators.testing.RecordCopier<O> copier)
    {
        return TwoInputOperatorTestHarness.open(operator, r -> ((Item)r).copy(), copier);
    }

    private static <O> void watermark(final TwoInputOperatorTestHarness<Item, Item, O> h, final long watermark)
    {
        h.leftWatermark(watermark).rightWatermark(watermark);
    }

    @Test
    void shouldJoinEveryLeftWithEveryRightRecordOfATumblingWindowWhenItFires()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.tumbling(10), 0), Pair::copy))
        {
            h.processLeft(new Item(1, 1), 0).processRight(new Item(1, 2), 3).processLeft(new Item(1, 3), 5);
            h.processRight(new Item(1, 4), 9).processRight(new Item(1, 5), 10).processLeft(new Item(1, 6), 19);
            h.processRight(new Item(2, 7), 4);
            watermark(h, 8);
            assertThat(h.output()).as("[0, 10) fires when the watermark reaches 9").isEmpty();
            watermark(h, 9);
            assertThat(h.output()).containsExactly(new Emitted<>(new Pair(1, 2), 9), new Emitted<>(new Pair(1, 4), 9),
                new Emitted<>(new Pair(3, 2), 9), new Emitted<>(new Pair(3, 4), 9));
            watermark(h, 19);
            assertThat(h.output()).hasSize(5).last().isEqualTo(new Emitted<>(new Pair(6, 5), 19));
        }
    }

    @Test
    void shouldJoinInEverySlidingWindowBothRecordsShare()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.sliding(10, 5), 0), Pair::copy))
        {
            h.processLeft(new Item(1, 1), 7).processRight(new Item(1, 2), 12).processRight(new Item(1, 3), 3);
            watermark(h, 100);
            assertThat(h.output()).containsExactly(new Emitted<>(new Pair(1, 3), 9), new Emitted<>(new Pair(1, 2), 14));
        }
    }

    @Test
    void shouldMergeSessionsOnARecordOfEitherSide()
    {
        try (TwoInputOperatorTestHarness<Item, Item, String> h = harness(coGroup(Windows.session(5), 0), s -> s))
        {
            h.processLeft(new Item(1, 1), 0).processLeft(new Item(1, 2), 10);
            h.processRight(new Item(1, 3), 5);
            h.processRight(new Item(2, 4), 0).processRight(new Item(2, 5), 10).processLeft(new Item(2, 6), 5);
            h.processLeft(new Item(3, 7), 0).processRight(new Item(3, 8), 6);
            watermark(h, 100);
            assertThat(h.outputRecords()).containsExactly(
                "key 3 [0, 5) ON_TIME left=[7@0] right=[]",
                "key 3 [6, 11) ON_TIME left=[] right=[8@6]",
                "key 1 [0, 15) ON_TIME left=[1@0, 2@10] right=[3@5]",
                "key 2 [0, 15) ON_TIME left=[6@5] right=[4@0, 5@10]");
        }
    }

    @Test
    void shouldJoinTheRecordsOfMergedSessions()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.session(5), 0), Pair::copy))
        {
            h.processLeft(new Item(1, 1), 0).processLeft(new Item(1, 2), 10).processRight(new Item(1, 3), 5);
            watermark(h, 14);
            assertThat(h.output()).containsExactly(new Emitted<>(new Pair(1, 3), 14), new Emitted<>(new Pair(2, 3), 14));
        }
    }

    @Test
    void shouldCoGroupWindowsWithOneSideEmptyWhereTheJoinEmitsNothing()
    {
        try (TwoInputOperatorTestHarness<Item, Item, String> coGrouped = harness(coGroup(Windows.tumbling(10), 0), s -> s);
            TwoInputOperatorTestHarness<Item, Item, Pair> joined = harness(join(Windows.tumbling(10), 0), Pair::copy))
        {
            for (final TwoInputOperatorTestHarness<Item, Item, ?> h : List.of(coGrouped, joined))
            {
                h.processLeft(new Item(1, 1), 1).processLeft(new Item(1, 2), 2).processRight(new Item(1, 3), 15);
                watermark(h, Long.MAX_VALUE);
            }
            assertThat(coGrouped.output()).containsExactly(
                new Emitted<>("key 1 [0, 10) ON_TIME left=[1@1, 2@2] right=[]", 9),
                new Emitted<>("key 1 [10, 20) ON_TIME left=[] right=[3@15]", 19));
            assertThat(joined.output()).isEmpty();
        }
    }

    @Test
    void shouldRouteLateRecordsOfEitherSideToTheRejectedOutputWithTheCallersRecord()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.tumbling(10), 0), Pair::copy))
        {
            watermark(h, 9);
            h.processLeft(new Item(1, 1), 5).processRight(new Item(1, 2), 9).processRight(new Item(1, 3), 10);
            h.processLeft(new Item(1, 4), 12);
            assertThat(h.rejected()).extracting(Rejected::record, Rejected::timestamp, Rejected::reason, Rejected::watermark,
                Rejected::operatorName).containsExactly(
                Tuple.tuple(new Item(1, 1), 5L, RejectReason.LATE, 9L, "w"),
                Tuple.tuple(new Item(1, 2), 9L, RejectReason.LATE, 9L, "w"));
            watermark(h, 19);
            assertThat(h.outputRecords()).containsExactly(new Pair(4, 3));
            assertThat(((WindowJoinOperator<?, ?, ?>)h.operator()).counters().lateRecords()).isEqualTo(2);
        }
    }

    @Test
    void shouldFireAgainWithTheWholeWindowForALateRecordWithinAllowedLateness()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> joined = harness(join(Windows.tumbling(10), 5), Pair::copy);
            TwoInputOperatorTestHarness<Item, Item, String> coGrouped = harness(coGroup(Windows.tumbling(10), 5), s -> s))
        {
            for (final TwoInputOperatorTestHarness<Item, Item, ?> h : List.of(joined, coGrouped))
            {
                h.processLeft(new Item(1, 1), 1).processRight(new Item(1, 2), 2);
                watermark(h, 9);
                h.processRight(new Item(1, 3), 4);
                watermark(h, 14);
                h.processRight(new Item(1, 4), 5);
            }
            assertThat(joined.output()).containsExactly(new Emitted<>(new Pair(1, 2), 9),
                new Emitted<>(new Pair(1, 2), 9), new Emitted<>(new Pair(1, 3), 9));
            assertThat(coGrouped.outputRecords()).containsExactly(
                "key 1 [0, 10) ON_TIME left=[1@1] right=[2@2]",
                "key 1 [0, 10) LATE left=[1@1] right=[2@2, 3@4]");
            assertThat(joined.rejected()).extracting(Rejected::record).containsExactly(new Item(1, 4));
        }
    }

    @Test
    void shouldDescribeTheKeysWindowsWithTheirRecords()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.sliding(10, 5), 0), Pair::copy))
        {
            h.processLeft(new Item(1, 1), 7).processRight(new Item(1, 2), 3).processLeft(new Item(2, 3), 7);
            final List<String> lines = new ArrayList<>();
            h.operator().describeKey(1, lines);
            assertThat(lines).containsExactly(
                "window join 'w': key 1 [-5, 5) left [] right [Item(1, 2)@3]",
                "window join 'w': key 1 [0, 10) left [Item(1, 1)@7] right [Item(1, 2)@3]",
                "window join 'w': key 1 [5, 15) left [Item(1, 1)@7] right []");
            assertThat(h.output()).as("a description emits nothing").isEmpty();
        }
    }

    @Test
    void shouldValidateItsConfiguration()
    {
        assertThatThrownBy(() -> WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key).window(Windows.global()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never fires on event time");
        assertThatThrownBy(() -> WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key)
            .join(Item.CODEC, Item.CODEC, Pair::new, Pair::join))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no window assigner");
        assertThatThrownBy(() -> WindowJoinOperator.<Item, Item>keyed("w", Item::key, Item::key).allowedLateness(-1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed lateness must be >= 0");
    }

    @Test
    void shouldRefuseToRestoreAJoinsSnapshotIntoACoGroup()
    {
        final byte[] snapshot;
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join(Windows.tumbling(10), 0), Pair::copy))
        {
            h.processLeft(new Item(1, 1), 1);
            snapshot = h.snapshot();
        }
        assertThatThrownBy(() -> TwoInputOperatorTestHarness.restore(coGroup(Windows.tumbling(10), 0), snapshot, s -> s))
            .hasMessageContaining("holds a join but the operator is a co-group");
    }
}
