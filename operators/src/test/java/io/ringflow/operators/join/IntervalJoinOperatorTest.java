package io.ringflow.operators.join;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interval join's specification: bounds, timestamps, keys, expiry, lateness, describeKey, validation. */
class IntervalJoinOperatorTest
{
    static IntervalJoinBuilder<Item, Item> interval(final long lower, final long upper)
    {
        return IntervalJoinOperator.<Item, Item>keyed("j", Item::key, Item::key).between(lower, upper);
    }

    static IntervalJoinOperator<Item, Item, Pair> build(final IntervalJoinBuilder<Item, Item> builder)
    {
        return builder.join(Item.CODEC, Item.CODEC, Pair::new, Pair::join);
    }

    static TwoInputOperatorTestHarness<Item, Item, Pair> harness(final IntervalJoinOperator<Item, Item, Pair> join)
    {
        return TwoInputOperatorTestHarness.open(join, r -> ((Item)r).copy(), Pair::copy);
    }

    /** Right records at every offset from -3 to +4 of a left record at 10, before and after it arrives. */
    private static List<Pair> joinedAcrossOffsets(final IntervalJoinBuilder<Item, Item> builder)
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(builder)))
        {
            h.processLeft(new Item(1, 100), 10);
            for (long t = 7; t <= 14; t++)
            {
                h.processRight(new Item(1, t), t);
            }
            for (long t = 7; t <= 14; t++)
            {
                h.processRight(new Item(2, t), t);
            }
            h.processLeft(new Item(2, 200), 10);
            return h.outputRecords();
        }
    }

    @Test
    void shouldJoinBothInclusiveBoundsWhicheverSideArrivesFirst()
    {
        assertThat(joinedAcrossOffsets(interval(-2, 3)))
            .containsExactly(new Pair(100, 8), new Pair(100, 9), new Pair(100, 10), new Pair(100, 11), new Pair(100, 12),
                new Pair(100, 13), new Pair(200, 8), new Pair(200, 9), new Pair(200, 10), new Pair(200, 11),
                new Pair(200, 12), new Pair(200, 13));
    }

    @Test
    void shouldLeaveOutAnExclusiveLowerBound()
    {
        assertThat(joinedAcrossOffsets(interval(-2, 3).lowerBoundExclusive()))
            .extracting(p -> p.right).containsExactly(9L, 10L, 11L, 12L, 13L, 9L, 10L, 11L, 12L, 13L);
    }

    @Test
    void shouldLeaveOutAnExclusiveUpperBound()
    {
        assertThat(joinedAcrossOffsets(interval(-2, 3).upperBoundExclusive()))
            .extracting(p -> p.right).containsExactly(8L, 9L, 10L, 11L, 12L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void shouldLeaveOutBothExclusiveBounds()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(-2, 3).lowerBoundExclusive().upperBoundExclusive());
        assertThat(join.lowerBound()).isEqualTo(-1);
        assertThat(join.upperBound()).isEqualTo(2);
        join.close();
        assertThat(joinedAcrossOffsets(interval(-2, 3).lowerBoundExclusive().upperBoundExclusive()))
            .extracting(p -> p.right).containsExactly(9L, 10L, 11L, 12L, 9L, 10L, 11L, 12L);
    }

    @Test
    void shouldJoinAPointIntervalOnlyAtThatOffset()
    {
        assertThat(joinedAcrossOffsets(interval(0, 0))).extracting(p -> p.right).containsExactly(10L, 10L);
        assertThat(joinedAcrossOffsets(interval(-3, -3))).extracting(p -> p.right).containsExactly(7L, 7L);
    }

    @Test
    void shouldEmitEachPairWithTheLaterOfItsTwoTimestamps()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(interval(-5, 5))))
        {
            h.processLeft(new Item(1, 1), 10).processRight(new Item(1, 2), 6).processRight(new Item(1, 3), 14);
            assertThat(h.output()).containsExactly(new Emitted<>(new Pair(1, 2), 10), new Emitted<>(new Pair(1, 3), 14));
        }
    }

    @Test
    void shouldJoinOnlyRecordsOfTheSameKey()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = IntervalJoinOperator.<Item, Item>keyed("j", Item::key, r -> r.key + 100)
            .between(0, 0).join(Item.CODEC, Item.CODEC, Pair::new, Pair::join);
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            h.processLeft(new Item(101, 1), 5).processRight(new Item(2, 2), 5).processRight(new Item(1, 3), 5);
            assertThat(h.outputRecords()).containsExactly(new Pair(1, 3));
        }
    }

    @Test
    void shouldKeepALeftRecordUntilTheWatermarkPassesItsUpperBound()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(0, 5));
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            h.processLeft(new Item(1, 1), 10);
            h.leftWatermark(15).rightWatermark(15);
            assertThat(join.bufferedRecords()).as("10 + 5 is not below the watermark 15").isEqualTo(1);
            h.processRight(new Item(1, 2), 15);
            assertThat(h.outputRecords()).as("at the watermark, on the bound: Flink has expired the left record by now")
                .containsExactly(new Pair(1, 2));
            h.leftWatermark(16).rightWatermark(16);
            assertThat(join.bufferedRecords()).isZero();
            assertThat(join.expiredRecords()).isEqualTo(2);
            assertThat(join.bufferedKeys()).isZero();
            h.processRight(new Item(1, 3), 16);
            assertThat(h.outputRecords()).hasSize(1);
            assertThat(h.rejected()).isEmpty();
        }
    }

    @Test
    void shouldKeepARightRecordUntilTheWatermarkPassesItMinusTheLowerBound()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(-5, 2));
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            h.processRight(new Item(1, 1), 10);
            h.leftWatermark(15).rightWatermark(15);
            assertThat(join.bufferedRecords()).isEqualTo(1);
            h.processLeft(new Item(1, 2), 15);
            assertThat(h.outputRecords()).containsExactly(new Pair(2, 1));
            h.rightWatermark(16);
            assertThat(join.bufferedRecords()).as("the left side holds the watermark at 15").isEqualTo(2);
            h.leftWatermark(16);
            assertThat(join.bufferedRecords()).as("right at 10 is joinable up to 15, left at 15 up to 17").isEqualTo(1);
            h.leftWatermark(18).rightWatermark(18);
            assertThat(join.bufferedRecords()).isZero();
            assertThat(join.bufferedKeys()).isZero();
        }
    }

    @Test
    void shouldJoinButNotKeepARecordThatNoLaterRecordCanJoin()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(-10, -3));
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            h.processRight(new Item(1, 1), 5);
            h.leftWatermark(9).rightWatermark(9);
            h.processLeft(new Item(1, 2), 9);
            assertThat(h.outputRecords()).containsExactly(new Pair(2, 1));
            assertThat(join.bufferedRecords()).as("a right record for left at 9 would be at most 6, below the watermark")
                .isEqualTo(1);
        }
    }

    @Test
    void shouldRouteLateRecordsOfEitherSideToTheRejectedOutput()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(0, 5));
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            h.processRight(new Item(1, 1), 12);
            h.leftWatermark(10).rightWatermark(10);
            h.processLeft(new Item(1, 2), 9).processRight(new Item(1, 3), 9).processLeft(new Item(1, 4), 10);
            assertThat(h.rejected()).extracting(Rejected::record, Rejected::timestamp, Rejected::reason, Rejected::watermark,
                Rejected::operatorName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new Item(1, 2), 9L, RejectReason.LATE, 10L, "j"),
                org.assertj.core.groups.Tuple.tuple(new Item(1, 3), 9L, RejectReason.LATE, 10L, "j"));
            assertThat(h.outputRecords()).as("a record at the watermark is not late").containsExactly(new Pair(4, 1));
            assertThat(join.lateRecords()).isEqualTo(2);
        }
    }

    @Test
    void shouldRejectReservedTimestamps()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(interval(0, 5))))
        {
            h.processLeft(new Item(1, 1), Timestamps.NO_TIMESTAMP).processRight(new Item(1, 2), Timestamps.END_OF_STREAM);
            assertThat(h.rejected()).extracting(Rejected::reason)
                .containsExactly(RejectReason.INVALID_TIMESTAMP, RejectReason.INVALID_TIMESTAMP);
        }
    }

    @Test
    void shouldClampBoundsAtTheEndsOfTime()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(interval(-1_000, 1_000))))
        {
            h.processLeft(new Item(1, 1), Long.MAX_VALUE - 10).processRight(new Item(1, 2), Long.MAX_VALUE - 1);
            h.processRight(new Item(2, 3), Long.MIN_VALUE + 1).processLeft(new Item(2, 4), Long.MIN_VALUE + 5);
            assertThat(h.outputRecords()).containsExactly(new Pair(1, 2), new Pair(4, 3));
            h.leftWatermark(Long.MAX_VALUE - 1).rightWatermark(Long.MAX_VALUE - 1);
            assertThat(((IntervalJoinOperator<?, ?, ?>)h.operator()).bufferedRecords()).isEqualTo(2);
            h.leftWatermark(Timestamps.END_OF_STREAM).rightWatermark(Timestamps.END_OF_STREAM);
            assertThat(((IntervalJoinOperator<?, ?, ?>)h.operator()).bufferedRecords()).isZero();
        }
    }

    @Test
    void shouldForwardTheCombinedWatermarkAndIdleness()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(interval(0, 5))))
        {
            h.leftWatermark(10).rightWatermark(7).leftIdle();
            h.rightIdle();
            assertThat(h.watermarks()).containsExactly(7L, 10L);
            assertThat(h.idleSignals()).isEqualTo(1);
        }
    }

    @Test
    void shouldDropEverythingAtTheEndOfTheStream()
    {
        final IntervalJoinOperator<Item, Item, Pair> join = build(interval(-100, 100));
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(join))
        {
            for (int i = 0; i < 1_000; i++)
            {
                h.processLeft(new Item(i % 37, i), i).processRight(new Item(i % 41, i), i);
            }
            assertThat(join.bufferedRecords()).isEqualTo(2_000);
            h.leftWatermark(Timestamps.END_OF_STREAM).rightWatermark(Timestamps.END_OF_STREAM);
            assertThat(join.bufferedRecords()).isZero();
            assertThat(join.bufferedKeys()).isZero();
            assertThat(join.expiredRecords()).isEqualTo(2_000);
        }
    }

    @Test
    void shouldDescribeAKeysBufferedRecords()
    {
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = harness(build(interval(-1, 5))))
        {
            h.processLeft(new Item(4, 1), 10).processRight(new Item(4, 2), 12).processLeft(new Item(4, 3), 11);
            h.processLeft(new Item(5, 4), 10);
            final List<String> lines = new ArrayList<>();
            h.operator().describeKey(4, lines);
            assertThat(lines).containsExactly(
                "interval join 'j': key 4 left Item(4, 1) @10, joinable while the watermark is <= 15 (watermark " +
                    Long.MIN_VALUE + ")",
                "interval join 'j': key 4 left Item(4, 3) @11, joinable while the watermark is <= 16 (watermark " +
                    Long.MIN_VALUE + ")",
                "interval join 'j': key 4 right Item(4, 2) @12, joinable while the watermark is <= 13 (watermark " +
                    Long.MIN_VALUE + ")");
            lines.clear();
            h.operator().describeKey(6, lines);
            assertThat(lines).isEmpty();
        }
    }

    @Test
    void shouldValidateItsConfiguration()
    {
        assertThatThrownBy(() -> interval(5, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("interval join 'j': lower bound 5 is above upper bound 4");
        assertThatThrownBy(() -> build(interval(3, 3).upperBoundExclusive())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("interval join 'j': bounds [3, 3) hold no difference of timestamps: nothing would join");
        assertThatThrownBy(() -> interval(Long.MIN_VALUE, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("strictly between");
        assertThatThrownBy(() -> IntervalJoinOperator.<Item, Item>keyed("j", Item::key, Item::key)
            .join(Item.CODEC, Item.CODEC, Pair::new, Pair::join))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("call between(lower, upper)");
        assertThatThrownBy(() -> interval(0, 1).recordBlockBytes(64).join(Item.CODEC, wide(60), Pair::new, (l, r, p) ->
        {
        }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("interval join 'j': codec max encoded length 60 does not fit a record block of 64 bytes " +
                "(at most 44); raise recordBlockBytes");
    }

    private static RecordCodec<Item> wide(final int maxEncodedLength)
    {
        return new RecordCodec<>()
        {
            @Override
            public int schemaId()
            {
                return 8;
            }

            @Override
            public int schemaVersion()
            {
                return 1;
            }

            @Override
            public int maxEncodedLength()
            {
                return maxEncodedLength;
            }

            @Override
            public Item newInstance()
            {
                return new Item();
            }

            @Override
            public int encode(final Item record, final MutableDirectBuffer buffer, final int offset)
            {
                return Item.CODEC.encode(record, buffer, offset);
            }

            @Override
            public void decode(final DirectBuffer buffer, final int offset, final int length, final Item into)
            {
                Item.CODEC.decode(buffer, offset, length, into);
            }
        };
    }
}
