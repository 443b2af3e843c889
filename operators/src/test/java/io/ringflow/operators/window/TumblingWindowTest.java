package io.ringflow.operators.window;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.window.FiringKind.LATE;
import static io.ringflow.operators.window.FiringKind.ON_TIME;
import static io.ringflow.operators.window.Windowing.countSum;
import static io.ringflow.operators.window.Windowing.harness;
import static io.ringflow.operators.window.Windowing.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TumblingWindowTest
{
    @Test
    void shouldAlignWindowsWithFloorSoNegativeTimestampsFallInTheirOwnWindow()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(1, 1), -1);
            h.processElement(new Event(1, 2), -10);
            h.processElement(new Event(1, 4), 0);
            h.processElement(new Event(1, 8), -11);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, -20, -10, ON_TIME, 1, 8),
                result(1, -10, 0, ON_TIME, 2, 3),
                result(1, 0, 10, ON_TIME, 1, 4));
        }
    }

    @Test
    void shouldShiftWindowsByOffset()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10, 3), 0)))
        {
            h.processElement(new Event(1, 1), 2);
            h.processElement(new Event(1, 2), 3);
            h.processElement(new Event(1, 4), -8);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, -17, -7, ON_TIME, 1, 4),
                result(1, -7, 3, ON_TIME, 1, 1),
                result(1, 3, 13, ON_TIME, 1, 2));
        }
    }

    @Test
    void shouldFireExactlyWhenWatermarkReachesMaxTimestampWithWindowMaxTimestampAsResultTime()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(7, 5), 3);
            h.processWatermark(8);
            assertThat(h.output()).isEmpty();

            h.processWatermark(9);
            assertThat(h.output()).hasSize(1);
            assertThat(h.output().get(0).timestamp()).isEqualTo(9);
            assertThat(h.output().get(0).record()).isEqualTo(result(7, 0, 10, ON_TIME, 1, 5));
            assertThat(h.watermarks()).containsExactly(8L, 9L);
        }
    }

    @Test
    void shouldFireKeysSeparatelyInKeyOrderAtTheSameWatermark()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(3, 1), 1);
            h.processElement(new Event(1, 2), 2);
            h.processElement(new Event(3, 4), 3);
            h.processWatermark(9);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, ON_TIME, 1, 2), result(3, 0, 10, ON_TIME, 2, 5));
        }
    }

    @Test
    void shouldRejectRecordOfAWindowAlreadyFiredWhenLatenessIsZero()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(9);
            h.processElement(new Event(1, 2), 9);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, ON_TIME, 1, 1));
            assertThat(h.rejected()).hasSize(1);
            assertThat(h.rejected().get(0).reason()).isEqualTo(RejectReason.LATE);
            assertThat(h.rejected().get(0).record()).isEqualTo(new Event(1, 2));
            assertThat(h.rejected().get(0).watermark()).isEqualTo(9);
        }
    }

    @Test
    void shouldFireAgainWithFullUpdatedResultForLateRecordWithinAllowedLateness()
    {
        final WindowOperator<Event, WindowResult> operator = countSum(Windows.tumbling(10), 5);
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(9);
            h.processElement(new Event(1, 10), 2);
            h.processWatermark(13);
            h.processElement(new Event(1, 100), 0);

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 10, ON_TIME, 1, 1),
                result(1, 0, 10, LATE, 2, 11),
                result(1, 0, 10, LATE, 3, 111));
            assertThat(operator.counters().lateFirings()).isEqualTo(2);
        }
    }

    @Test
    void shouldDropWindowStateExactlyWhenWatermarkReachesMaxTimestampPlusLateness()
    {
        final WindowOperator<Event, WindowResult> operator = countSum(Windows.tumbling(10), 5);
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(13);   // maxTimestamp 9 + lateness 5 = 14: still kept
            assertThat(operator.openWindows()).isEqualTo(1);
            h.processWatermark(14);
            assertThat(operator.openWindows()).isZero();
            assertThat(operator.pendingTimers()).isZero();

            h.processElement(new Event(1, 2), 9);
            assertThat(h.rejected()).extracting(r -> r.reason()).containsExactly(RejectReason.LATE);
            assertThat(operator.counters().lateRecords()).isEqualTo(1);
        }
    }

    @Test
    void shouldAcceptLateRecordOneTickBeforeTheLatenessBound()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 5)))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(13);
            h.processElement(new Event(1, 2), 0);

            assertThat(h.rejected()).isEmpty();
            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, ON_TIME, 1, 1), result(1, 0, 10, LATE, 2, 3));
        }
    }

    @Test
    void shouldOpenLateWindowWithinLatenessAndFireItAtOnceAsLate()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 20)))
        {
            h.processWatermark(15);
            h.processElement(new Event(1, 3), 4);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, LATE, 1, 3));
        }
    }

    @Test
    void shouldKeepWindowsUntilEndOfStreamWhenLatenessOverflows()
    {
        final WindowOperator<Event, WindowResult> operator = countSum(Windows.tumbling(10), Long.MAX_VALUE);
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(1_000_000);
            h.processElement(new Event(1, 1), 5);
            assertThat(operator.openWindows()).isEqualTo(1);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, ON_TIME, 1, 1), result(1, 0, 10, LATE, 2, 2));
            assertThat(h.rejected()).isEmpty();
        }
    }

    @Test
    void shouldRejectReservedTimestampsAsInvalid()
    {
        final WindowOperator<Event, WindowResult> operator = countSum(Windows.tumbling(10), 0);
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), Long.MIN_VALUE);
            h.processElement(new Event(1, 2), Long.MAX_VALUE);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.output()).isEmpty();
            assertThat(h.rejected()).extracting(r -> r.reason())
                .containsExactly(RejectReason.INVALID_TIMESTAMP, RejectReason.INVALID_TIMESTAMP);
            assertThat(operator.counters().invalidTimestampRecords()).isEqualTo(2);
        }
    }

    @Test
    void shouldRejectTimestampsWhoseWindowWouldOverflowInsteadOfWrapping()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(1000), 0)))
        {
            h.processElement(new Event(1, 1), Long.MAX_VALUE - 1);
            h.processElement(new Event(1, 2), Long.MIN_VALUE + 1);
            h.processElement(new Event(1, 4), Long.MAX_VALUE - 1000_000);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.rejected()).extracting(r -> r.reason())
                .containsExactly(RejectReason.TIMESTAMP_OUT_OF_RANGE, RejectReason.TIMESTAMP_OUT_OF_RANGE);
            assertThat(h.outputRecords()).hasSize(1);
            final WindowResult only = h.outputRecords().get(0);
            assertThat(only.start()).isLessThanOrEqualTo(Long.MAX_VALUE - 1000_000).isGreaterThan(Long.MAX_VALUE - 1001_000);
            assertThat(only.end() - only.start()).isEqualTo(1000);
        }
    }

    @Test
    void shouldRejectNonPositiveSizesAndNegativeLatenessWithTheValueInTheMessage()
    {
        assertThatThrownBy(() -> Windows.tumbling(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tumbling window size must be > 0, was 0");
        assertThatThrownBy(() -> Windows.tumbling(-5)).hasMessageContaining("was -5");
        assertThatThrownBy(() -> Windows.sliding(10, 0)).hasMessageContaining("slide must be > 0");
        assertThatThrownBy(() -> Windows.sliding(10, 20)).hasMessageContaining("larger than its size");
        assertThatThrownBy(() -> Windows.session(-1)).hasMessageContaining("session gap must be > 0, was -1");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("w", Event::key).allowedLateness(-1))
            .hasMessageContaining("allowed lateness must be >= 0, was -1");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("w", Event::key).aggregate(
            io.ringflow.operators.aggregate.Aggregates.count()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("no window assigner");
    }

    @Test
    void shouldRejectNullRecordsAtTheHarness()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            assertThatThrownBy(() -> h.processElement(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("record must not be null");
        }
    }

    @Test
    void shouldNotForwardWatermarksThatDoNotAdvance()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.tumbling(10), 0)))
        {
            h.processWatermark(5).processWatermark(5).processWatermark(3).processWatermark(7);
            assertThat(h.watermarks()).containsExactly(5L, 7L);
        }
    }
}
