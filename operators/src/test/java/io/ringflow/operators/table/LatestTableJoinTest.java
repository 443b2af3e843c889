package io.ringflow.operators.table;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.table.TableJoins.harness;
import static io.ringflow.operators.table.TableJoins.latest;
import static io.ringflow.operators.table.TableJoins.order;
import static io.ringflow.operators.table.TableJoins.reason;
import static io.ringflow.operators.table.TableJoins.rejections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Latest mode: the key's current value in arrival order, and the three miss policies. */
class LatestTableJoinTest
{
    @Test
    void shouldJoinWithTheCurrentValueInArrivalOrderWhateverTheTimestamps()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(latest(MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 50);
            h.processLeft(order(1, 1), 10);
            h.processRight(Rate.upsert(1, 200), 5);
            h.processLeft(order(1, 2), 1);
            h.leftWatermark(100).rightWatermark(100);
            h.processLeft(order(1, 3), 60);

            assertThat(h.output()).as("at once, with the stream record's timestamp, late or not")
                .containsExactly(new Emitted<>("1:100", 10), new Emitted<>("2:200", 1), new Emitted<>("3:200", 60));
        }
    }

    @Test
    void shouldDropAMissToTheSideOutputAfterADelete()
    {
        final TableJoinOperator<Order, Rate, String> operator = latest(MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 1).processRight(Rate.delete(1), 2).processLeft(order(1, 1), 3).processLeft(order(2, 2), 4);
            assertThat(h.output()).isEmpty();
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 1, 3), reason(RejectReason.NO_MATCH, 2, 4));
            assertThat(h.rejected().get(0).operatorName()).isEqualTo("enrich");
            assertThat(operator.tableKeys()).isZero();
            assertThat(operator.counters().missed()).isEqualTo(2);
        }
    }

    @Test
    void shouldEmitWithNullOrTheConfiguredDefault()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(latest(MissPolicy.EMIT_WITH_DEFAULTS)))
        {
            h.processLeft(order(1, 1), 3);
            assertThat(h.outputRecords()).containsExactly("1:none");
        }
        final TableJoinOperator<Order, Rate, String> withDefault = TableJoins.builder().missPolicy(MissPolicy.EMIT_WITH_DEFAULTS)
            .defaultValue(Rate.upsert(0, -1)).build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(withDefault))
        {
            h.processRight(Rate.upsert(2, 7), 1).processLeft(order(1, 1), 3).processLeft(order(2, 2), 4);
            assertThat(h.outputRecords()).containsExactly("1:-1", "2:7");
            assertThat(h.rejected()).isEmpty();
        }
    }

    @Test
    void shouldHoldAMissUntilTheWatermarkThenLookItUpAgainAndFallBack()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.builder()
            .missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK, MissPolicy.EMIT_WITH_DEFAULTS).streamCodec(Order.CODEC)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(3, 300), 1);
            h.processLeft(order(1, 1), 10).processLeft(order(2, 2), 12).processLeft(order(3, 3), 13);
            assertThat(h.outputRecords()).as("a hit is not held").containsExactly("3:300");
            assertThat(operator.heldRecords()).isEqualTo(2);

            h.processRight(Rate.upsert(1, 100), 40);
            h.leftWatermark(11).rightWatermark(11);
            assertThat(h.outputRecords()).as("joined with the value current at release").containsExactly("3:300", "1:100");
            h.processLeft(order(4, 4), 11);
            assertThat(h.outputRecords()).as("a miss at or below the watermark falls back at once").endsWith("4:none");
            h.leftWatermark(12).rightWatermark(12);
            assertThat(h.outputRecords()).containsExactly("3:300", "1:100", "4:none", "2:none");
            assertThat(operator.heldRecords()).isZero();
            assertThat(operator.counters().held()).isEqualTo(2);
        }
    }

    @Test
    void shouldDropToTheSideOutputAfterHoldingByDefault()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.builder()
            .missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK).streamCodec(Order.CODEC).build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 1), 10).processLeft(order(1, 2), Long.MIN_VALUE);
            h.leftWatermark(10).rightWatermark(10);
            assertThat(rejections(h)).containsExactly(reason(RejectReason.INVALID_TIMESTAMP, 2, Long.MIN_VALUE),
                reason(RejectReason.NO_MATCH, 1, 10));
        }
    }

    @Test
    void shouldRefuseInconsistentConfigurations()
    {
        assertThatThrownBy(() -> TableJoins.builder().temporal(4, 0).build(Rate.DECODER, Rate.DESCRIBE, () -> ""))
            .hasMessageContaining("table join 'enrich': a temporal join holds stream records off-heap").hasMessageContaining("streamCodec");
        assertThatThrownBy(() -> TableJoins.builder().missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "")).hasMessageContaining("HOLD_UNTIL_WATERMARK holds stream records");
        assertThatThrownBy(() -> TableJoins.builder().temporal(33, 0).streamCodec(Order.CODEC)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "")).hasMessageContaining("max versions must be in [1, 32], was 33");
        assertThatThrownBy(() -> TableJoins.builder().temporal(2, -1).streamCodec(Order.CODEC)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "")).hasMessageContaining("retention must be >= 0, was -1");
        assertThatThrownBy(() -> TableJoins.builder().missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK, MissPolicy.HOLD_UNTIL_WATERMARK)
            .streamCodec(Order.CODEC).build(Rate.DECODER, Rate.DESCRIBE, () -> "")).hasMessageContaining("fallback after holding");
        assertThatThrownBy(() -> TableJoins.builder().defaultValue(Rate.upsert(0, 1))
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "")).hasMessageContaining("only used by EMIT_WITH_DEFAULTS");
    }
}
