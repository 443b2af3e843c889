package io.ringflow.operators.table;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.table.TableJoins.harness;
import static io.ringflow.operators.table.TableJoins.order;
import static io.ringflow.operators.table.TableJoins.reason;
import static io.ringflow.operators.table.TableJoins.rejections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filling the table before the stream starts: changelog records handed in directly, or a snapshot. */
class TableJoinBootstrapTest
{
    @Test
    void shouldJoinTheFirstStreamRecordsWithABootstrappedLatestTable()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.latest(MissPolicy.DROP_TO_SIDE_OUTPUT);
        operator.bootstrap(Rate.upsert(1, 100), 5);
        operator.bootstrap(Rate.upsert(2, 200), 6);
        operator.bootstrap(Rate.delete(2), 7);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 1), 1).processLeft(order(2, 2), 1);
            assertThat(h.outputRecords()).containsExactly("1:100");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 2, 1));
            assertThat(h.watermarks()).as("bootstrapping emits nothing").isEmpty();
            assertThat(operator.counters().changelogRecords()).isEqualTo(3);
        }
    }

    @Test
    void shouldKeepBootstrappedVersionsForTemporalLookups()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        assertThat(operator.bootstrap(Rate.upsert(1, 100), 10)).isTrue();
        assertThat(operator.bootstrap(Rate.upsert(1, 200), 20)).isTrue();
        assertThatThrownBy(() -> operator.bootstrap(Rate.upsert(1, 1), Long.MIN_VALUE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved timestamp");
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 15), 15).processLeft(order(1, 25), 25).leftWatermark(30).rightWatermark(30);
            assertThat(h.outputRecords()).containsExactly("15:100", "25:200");
            assertThat(operator.bootstrap(Rate.upsert(1, 300), 30)).as("at watermark - retention: too late").isFalse();
            assertThat(operator.bootstrap(Rate.upsert(1, 300), 31)).isTrue();
        }
    }

    @Test
    void shouldStartFromATableRestoredFromASnapshot()
    {
        final byte[] snapshot;
        final TableJoinOperator<Order, Rate, String> loader = TableJoins.temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(loader))
        {
            for (long key = 0; key < 100; key++)
            {
                loader.bootstrap(Rate.upsert(key, key * 10), 5);
                loader.bootstrap(Rate.upsert(key, key * 10 + 1), 8);
            }
            snapshot = h.snapshot();
        }
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h =
            TwoInputOperatorTestHarness.restore(operator, snapshot, TableJoins::copyRejected, s -> s))
        {
            assertThat(operator.tableKeys()).isEqualTo(100);
            h.processLeft(order(42, 1), 6).processLeft(order(99, 2), 9).leftWatermark(10).rightWatermark(10);
            assertThat(h.outputRecords()).containsExactly("1:420", "2:991");
        }
    }

    @Test
    void shouldStoreCodecEncodedValues()
    {
        final CodecTableValues<Order> byCodec = new CodecTableValues<>(Order::key, o -> o.id < 0, Order.CODEC);
        final TableJoinOperator<Order, Order, String> operator = TableJoinOperator.builder("codec", Order::key, byCodec)
            .temporal(2, 0).streamCodec(Order.CODEC).expectedKeys(4)
            .build(byCodec, (order, value, reuse) -> order.id + ":" + (null == value ? "none" : value.toString()), () -> "");
        operator.bootstrap(new Order(7, 70), 1);
        operator.bootstrap(new Order(7, -1), 3);
        try (TwoInputOperatorTestHarness<Order, Order, String> h = TwoInputOperatorTestHarness.open(operator, s -> s))
        {
            h.processLeft(order(7, 1), 2).processLeft(order(7, 2), 3).leftWatermark(5).rightWatermark(5);
            assertThat(h.outputRecords()).containsExactly("1:Order(7, 70)");
            assertThat(h.rejected()).extracting(r -> r.reason()).containsExactly(RejectReason.NO_MATCH);
        }
    }
}
