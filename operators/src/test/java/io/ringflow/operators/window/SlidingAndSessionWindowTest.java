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

class SlidingAndSessionWindowTest
{
    @Test
    void shouldAssignEveryAlignedSlidingWindowThatContainsTheTimestamp()
    {
        final long[] starts = new long[Windows.sliding(10, 3).maxWindowsPerRecord()];
        assertThat(starts).hasSize(4);
        assertThat(Windows.sliding(10, 3).assignWindows(9, starts)).isEqualTo(4);
        assertThat(starts).containsExactly(9, 6, 3, 0);
        // [-3, 7) ends before 7: windows are end-exclusive
        assertThat(Windows.sliding(10, 3).assignWindows(7, starts)).isEqualTo(3);
        assertThat(java.util.Arrays.copyOf(starts, 3)).containsExactly(6, 3, 0);

        final int negative = Windows.sliding(10, 5, 2).assignWindows(-4, starts);
        assertThat(negative).isEqualTo(2);
        assertThat(starts[0]).isEqualTo(-8);
        assertThat(starts[1]).isEqualTo(-13);
    }

    @Test
    void shouldFireEachSlidingWindowWithItsOwnContents()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.sliding(10, 5), 0)))
        {
            h.processElement(new Event(1, 1), 3);
            h.processElement(new Event(1, 10), 7);
            h.processElement(new Event(1, 100), 12);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, -5, 5, ON_TIME, 1, 1),
                result(1, 0, 10, ON_TIME, 2, 11),
                result(1, 5, 15, ON_TIME, 2, 110),
                result(1, 10, 20, ON_TIME, 1, 100));
        }
    }

    @Test
    void shouldFireOnlyTheSlidingWindowsStillWithinLatenessForALateRecord()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.sliding(10, 5), 3)))
        {
            h.processElement(new Event(1, 1), 8);
            h.processWatermark(14);   // [0,10) cleaned at 9+3=12; [5,15) fired at 14, kept until 17
            h.clearOutput();
            h.processElement(new Event(1, 2), 6);

            assertThat(h.outputRecords()).containsExactly(result(1, 5, 15, LATE, 2, 3));
            assertThat(h.rejected()).isEmpty();
        }
    }

    @Test
    void shouldMergeSessionsOfRecordsAtMostGapApart()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.session(10), 0)))
        {
            h.processElement(new Event(1, 1), 0);
            h.processElement(new Event(1, 2), 10);   // exactly gap apart: same session
            h.processElement(new Event(1, 4), 21);   // gap + 1 apart: new session
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 20, ON_TIME, 2, 3),
                result(1, 21, 31, ON_TIME, 1, 4));
        }
    }

    @Test
    void shouldBridgeTwoSessionsWithAnOutOfOrderRecord()
    {
        final WindowOperator<Event, WindowResult> operator = countSum(Windows.session(10), 0);
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 0);
            h.processElement(new Event(1, 2), 25);
            h.processElement(new Event(1, 4), 40);
            assertThat(operator.openWindows()).isEqualTo(3);

            h.processElement(new Event(1, 8), 10);   // [10,20) touches [0,10) at its end: merged into [0,20)
            assertThat(operator.openWindows()).isEqualTo(3);
            h.processElement(new Event(1, 16), 15);  // [15,25) touches [0,20) and [25,35): one session [0,35)
            assertThat(operator.openWindows()).isEqualTo(2);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 35, ON_TIME, 4, 27),
                result(1, 40, 50, ON_TIME, 1, 4));
            assertThat(operator.counters().sessionMerges()).isGreaterThanOrEqualTo(2);
            assertThat(operator.openWindows()).isZero();
            assertThat(operator.pendingTimers()).isZero();
        }
    }

    @Test
    void shouldNotMergeSessionsOfDifferentKeys()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.session(10), 0)))
        {
            h.processElement(new Event(1, 1), 0);
            h.processElement(new Event(2, 2), 5);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 10, ON_TIME, 1, 1), result(2, 5, 15, ON_TIME, 1, 2));
        }
    }

    @Test
    void shouldExtendAFiredSessionWithALateRecordAndFireTheWholeSessionAsLate()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.session(10), 20)))
        {
            h.processElement(new Event(1, 1), 0);
            h.processWatermark(12);
            h.processElement(new Event(1, 2), 5);   // [5,15) merges into [0,10) → [0,15), already past wm? max 14 > 12
            h.processWatermark(30);
            h.processElement(new Event(1, 4), 1);   // session [0,15) fired at 14, kept until 34

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 10, ON_TIME, 1, 1),
                result(1, 0, 15, ON_TIME, 2, 3),
                result(1, 0, 15, LATE, 3, 7));
        }
    }

    @Test
    void shouldRejectARecordWhoseSessionIsPastLatenessAndTouchesNothing()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.session(10), 0)))
        {
            h.processElement(new Event(1, 1), 100);
            h.processWatermark(100);
            h.processElement(new Event(1, 2), 50);   // [50,60) alone, max 59 <= 100: late
            h.processElement(new Event(1, 4), 95);   // [95,105) touches [100,110): merged, accepted

            assertThat(h.rejected()).extracting(r -> r.reason()).containsExactly(RejectReason.LATE);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.outputRecords()).containsExactly(result(1, 95, 110, ON_TIME, 2, 5));
        }
    }
}
