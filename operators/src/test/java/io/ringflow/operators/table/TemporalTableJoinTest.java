package io.ringflow.operators.table;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.table.TableJoins.harness;
import static io.ringflow.operators.table.TableJoins.order;
import static io.ringflow.operators.table.TableJoins.reason;
import static io.ringflow.operators.table.TableJoins.rejections;
import static io.ringflow.operators.table.TableJoins.temporal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporal mode: a stream record joins the changelog version with the greatest timestamp at or below its
 * own, once the watermark has passed it.
 */
class TemporalTableJoinTest
{
    @Test
    void shouldJoinTheVersionInForceAtTheRecordsTimeAtVersionBoundaries()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 200), 20);
            h.processLeft(order(1, 9), 9).processLeft(order(1, 10), 10).processLeft(order(1, 19), 19)
                .processLeft(order(1, 20), 20).processLeft(order(1, 21), 21);
            h.leftWatermark(100).rightWatermark(100);

            assertThat(h.output()).containsExactly(
                new Emitted<>("10:100", 10), new Emitted<>("19:100", 19), new Emitted<>("20:200", 20), new Emitted<>("21:200", 21));
            assertThat(rejections(h)).as("just before the first version: nothing in force")
                .containsExactly(reason(RejectReason.NO_MATCH, 9, 9));
        }
    }

    @Test
    void shouldHoldStreamRecordsUntilTheChangelogWatermarkPassesThemAndUseVersionsThatArriveMeanwhile()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 10);
            h.processLeft(order(1, 1), 30);
            h.leftWatermark(50);
            assertThat(h.output()).as("the changelog's watermark has not passed 30 yet").isEmpty();
            assertThat(h.operator()).extracting(o -> ((TableJoinOperator<?, ?, ?>)o).heldRecords()).isEqualTo(1);

            h.processRight(Rate.upsert(1, 250), 25).processRight(Rate.upsert(1, 310), 31);
            h.rightWatermark(29);
            assertThat(h.output()).isEmpty();
            h.rightWatermark(30);
            assertThat(h.output()).containsExactly(new Emitted<>("1:250", 30));
            assertThat(h.watermarks()).as("records due at a watermark go out before it").containsExactly(29L, 30L);
        }
    }

    @Test
    void shouldReleaseHeldRecordsInTimestampOrderThenArrivalOrder()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.EMIT_WITH_DEFAULTS)))
        {
            h.processLeft(order(2, 1), 15).processLeft(order(1, 2), 12).processLeft(order(3, 3), 15).processLeft(order(1, 4), 12)
                .processLeft(order(1, 5), 40);
            h.leftWatermark(20).rightWatermark(20);
            assertThat(h.outputRecords()).containsExactly("2:none", "4:none", "1:none", "3:none");
            assertThat(h.output()).extracting(Emitted::timestamp).containsExactly(12L, 12L, 15L, 15L);
        }
    }

    @Test
    void shouldLetTheLaterArrivalWinAtEqualChangelogTimestamps()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 111), 10);
            h.processRight(Rate.upsert(2, 200), 10).processRight(Rate.delete(2), 10);
            h.processRight(Rate.delete(3), 10).processRight(Rate.upsert(3, 300), 10);
            h.processLeft(order(1, 1), 10).processLeft(order(2, 2), 10).processLeft(order(3, 3), 10);
            h.leftWatermark(10).rightWatermark(10);

            assertThat(h.outputRecords()).containsExactly("1:111", "3:300");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 2, 10));
            assertThat(h.operator()).extracting(o -> ((TableJoinOperator<?, ?, ?>)o).evictedVersions()).isEqualTo(0L);
        }
    }

    @Test
    void shouldOrderVersionsByTimestampNotArrival()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 150), 15).processRight(Rate.upsert(1, 100), 10);
            h.processLeft(order(1, 12), 12).processLeft(order(1, 17), 17).processLeft(order(1, 25), 25);
            h.leftWatermark(30).rightWatermark(30);
            assertThat(h.outputRecords()).containsExactly("12:100", "17:150", "25:200");
        }
    }

    @Test
    void shouldTreatADeleteAsATombstoneVersion()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.delete(1), 20).processRight(Rate.upsert(1, 300), 30);
            h.processLeft(order(1, 15), 15).processLeft(order(1, 19), 19).processLeft(order(1, 20), 20)
                .processLeft(order(1, 29), 29).processLeft(order(1, 30), 30);
            h.leftWatermark(40).rightWatermark(40);

            assertThat(h.outputRecords()).containsExactly("15:100", "19:100", "30:300");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 20, 20), reason(RejectReason.NO_MATCH, 29, 29));
        }
    }

    @Test
    void shouldKeepADeleteOfAnUnknownKeySoThatAnEarlierUpsertArrivingLaterEndsAtIt()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.delete(1), 20).processRight(Rate.upsert(1, 100), 10);
            h.processLeft(order(1, 15), 15).processLeft(order(1, 25), 25);
            h.leftWatermark(30).rightWatermark(30);
            assertThat(h.outputRecords()).containsExactly("15:100");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 25, 25));
        }
    }

    @Test
    void shouldDropTheDeletedKeyOnceTheWatermarkPassesTheDeletePlusRetention()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(4, 5, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.delete(1), 22);
            h.leftWatermark(24).rightWatermark(24);
            h.processLeft(order(1, 21), 21).processLeft(order(1, 19), 19);
            assertThat(h.outputRecords()).as("late, but within retention (24 - 5 < 21): joined at once").containsExactly("21:100");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.LATE, 19, 19));

            h.leftWatermark(26).rightWatermark(26);
            assertThat(operator.tableKeys()).isEqualTo(1);
            h.leftWatermark(27).rightWatermark(27);
            assertThat(operator.tableKeys()).as("the delete is in force at 27 - 5: nothing left to choose").isZero();
            assertThat(operator.prunedVersions()).isEqualTo(2);
        }
    }

    @Test
    void shouldPruneVersionsNoAdmittedRecordCanChooseWhenTheKeyIsWritten()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(8, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 300), 30);
            h.leftWatermark(25).rightWatermark(25);
            h.processRight(Rate.upsert(1, 400), 40);
            assertThat(operator.prunedVersions()).as("10 is superseded at 20 <= 25; 20 is in force at 25 and stays").isEqualTo(1);
            h.processLeft(order(1, 26), 26).leftWatermark(50).rightWatermark(50);
            assertThat(h.outputRecords()).containsExactly("26:200");
        }
    }

    @Test
    void shouldRejectLateStreamRecordsAndJoinThoseWithinRetentionAtOnce()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 10, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 5);
            h.leftWatermark(50).rightWatermark(50);
            h.processLeft(order(1, 1), 50).processLeft(order(1, 2), 41).processLeft(order(1, 3), 40).processLeft(order(1, 4), 3);
            assertThat(h.outputRecords()).containsExactly("1:100", "2:100");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.LATE, 3, 40), reason(RejectReason.LATE, 4, 3));
            assertThat(h.rejected().get(0).watermark()).isEqualTo(50);
        }
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 5);
            h.leftWatermark(50).rightWatermark(50);
            h.processLeft(order(1, 1), 50).processLeft(order(1, 2), 51);
            assertThat(rejections(h)).as("no retention: at the watermark is late").containsExactly(reason(RejectReason.LATE, 1, 50));
            h.leftWatermark(51).rightWatermark(51);
            assertThat(h.outputRecords()).containsExactly("2:100");
        }
    }

    @Test
    void shouldApplyLateChangelogRecordsWithinRetentionToLaterLookupsOnlyAndRejectOlderOnes()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(4, 10, MissPolicy.EMIT_WITH_DEFAULTS);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 1), 20);
            h.leftWatermark(20).rightWatermark(20);
            h.processRight(Rate.upsert(1, 150), 15).processRight(Rate.upsert(1, 100), 10);
            h.processLeft(order(1, 2), 21).leftWatermark(21).rightWatermark(21);

            assertThat(h.outputRecords()).containsExactly("1:none", "2:150");
            assertThat(rejections(h)).as("at watermark - retention: too late to version").containsExactly("LATE Rate(1, 100)@10");
            assertThat(operator.counters().lateChangelogRecords()).isEqualTo(1);
            assertThat(operator.counters().lateRecords()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotLetALateUpsertOutliveTheDeleteThatSupersededIt()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.delete(1), 20);
            h.leftWatermark(25).rightWatermark(25);
            assertThat(operator.tableKeys()).isZero();
            h.processRight(Rate.upsert(1, 150), 15);
            h.processLeft(order(1, 1), 26).leftWatermark(26).rightWatermark(26);
            assertThat(rejections(h)).containsExactly("LATE Rate(1, 150)@15", reason(RejectReason.NO_MATCH, 1, 26));
        }
    }

    @Test
    void shouldRejectReservedTimestampsOnEitherInput()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 1), Long.MIN_VALUE).processLeft(order(1, 2), Long.MAX_VALUE);
            h.processRight(Rate.upsert(1, 5), Long.MIN_VALUE);
            assertThat(rejections(h)).containsExactly(reason(RejectReason.INVALID_TIMESTAMP, 1, Long.MIN_VALUE),
                reason(RejectReason.INVALID_TIMESTAMP, 2, Long.MAX_VALUE), "INVALID_TIMESTAMP Rate(1, 5)@" + Long.MIN_VALUE);
            assertThat(operator.counters().invalidTimestampRecords()).isEqualTo(3);
            assertThat(operator.tableKeys()).isZero();
        }
    }

    @Test
    void shouldNameAnEvictedVersionInsteadOfJoiningAWrongOne()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(2, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 100), 10).processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 300), 30);
            h.processLeft(order(1, 5), 5).processLeft(order(1, 15), 15).processLeft(order(1, 25), 25).processLeft(order(1, 35), 35);
            h.leftWatermark(40).rightWatermark(40);

            assertThat(h.outputRecords()).containsExactly("25:200", "35:300");
            assertThat(rejections(h)).containsExactly(reason(RejectReason.NO_MATCH, 5, 5),
                reason(RejectReason.VERSION_EVICTED, 15, 15));
            assertThat(operator.evictedVersions()).isEqualTo(1);
            assertThat(operator.counters().evictedMisses()).isEqualTo(1);
            assertThat(operator.counters().missed()).isEqualTo(1);
        }
    }

    @Test
    void shouldDiscardAVersionOlderThanAFullHistory()
    {
        final TableJoinOperator<Order, Rate, String> operator = temporal(2, 0, MissPolicy.EMIT_WITH_DEFAULTS);
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processRight(Rate.upsert(1, 200), 20).processRight(Rate.upsert(1, 300), 30).processRight(Rate.upsert(1, 100), 10);
            h.processLeft(order(1, 15), 15).processLeft(order(1, 5), 5).processLeft(order(1, 20), 20);
            h.leftWatermark(40).rightWatermark(40);
            assertThat(h.outputRecords()).as("15 wanted the discarded version; 5 had none").containsExactly("5:none", "15:none", "20:200");
            assertThat(operator.counters().evictedMisses()).isEqualTo(1);
            assertThat(operator.evictedVersions()).isEqualTo(1);
        }
    }

    @Test
    void shouldTreatHoldUntilWatermarkAsItsFallbackSinceEveryTemporalRecordWaits()
    {
        final TableJoinOperator<Order, Rate, String> operator = TableJoins.builder().temporal(4, 0).streamCodec(Order.CODEC)
            .missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK, MissPolicy.EMIT_WITH_DEFAULTS)
            .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(operator))
        {
            h.processLeft(order(1, 1), 10).processRight(Rate.upsert(1, 100), 10).processLeft(order(2, 2), 10);
            h.leftWatermark(10).rightWatermark(10);
            assertThat(h.outputRecords()).containsExactly("1:100", "2:none");
        }
    }

    @Test
    void shouldJoinWhatHasArrivedWhenTheChangelogGoesIdle()
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = harness(temporal(4, 0, MissPolicy.DROP_TO_SIDE_OUTPUT)))
        {
            h.processRight(Rate.upsert(1, 100), 10).rightWatermark(10);
            h.processLeft(order(1, 1), 30).leftWatermark(40);
            assertThat(h.output()).isEmpty();
            h.rightIdle();
            assertThat(h.outputRecords()).containsExactly("1:100");
        }
    }
}
