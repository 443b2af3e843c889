package io.ringflow.operators.window;

import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.ringflow.operators.window.FiringKind.EARLY;
import static io.ringflow.operators.window.FiringKind.LATE;
import static io.ringflow.operators.window.FiringKind.ON_TIME;
import static io.ringflow.operators.window.Windowing.harness;
import static io.ringflow.operators.window.Windowing.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountAndGlobalWindowTest
{
    private static CountWindowOperator<Event> countWindow(final long size, final long slide)
    {
        return new CountWindowOperator<>("c", Event::key, size, slide,
            Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)), 16);
    }

    @Test
    void shouldFireTumblingCountWindowEveryNRecordsPerKeyWithOrdinalBounds()
    {
        try (OperatorTestHarness<Event, WindowResult> h = OperatorTestHarness.open(countWindow(3, 3), WindowResult::copy))
        {
            for (int i = 1; i <= 7; i++)
            {
                h.processElement(new Event(1, i), i * 10);
                h.processElement(new Event(2, 100 * i), i * 10);
            }
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 3, ON_TIME, 3, 6),
                result(2, 0, 3, ON_TIME, 3, 600),
                result(1, 3, 6, ON_TIME, 3, 15),
                result(2, 3, 6, ON_TIME, 3, 1500));
            assertThat(h.output().get(0).timestamp()).isEqualTo(30);
        }
    }

    @Test
    void shouldFireSlidingCountWindowEverySlideRecordsOverTheLastSizeRecords()
    {
        try (OperatorTestHarness<Event, WindowResult> h = OperatorTestHarness.open(countWindow(5, 2), WindowResult::copy))
        {
            for (int i = 1; i <= 8; i++)
            {
                h.processElement(new Event(1, i), i);
            }

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 2, ON_TIME, 2, 3),
                result(1, 0, 4, ON_TIME, 4, 10),
                result(1, 1, 6, ON_TIME, 5, 2 + 3 + 4 + 5 + 6),
                result(1, 3, 8, ON_TIME, 5, 4 + 5 + 6 + 7 + 8));
        }
    }

    @Test
    void shouldRejectInvalidCountWindowShapes()
    {
        assertThatThrownBy(() -> countWindow(0, 1)).hasMessageContaining("count window size must be > 0, was 0");
        assertThatThrownBy(() -> countWindow(2, 3)).hasMessageContaining("larger than its size");
    }

    @Test
    void shouldFireGlobalWindowOnlyOnItsCustomTrigger()
    {
        final WindowOperator<Event, WindowResult> operator = WindowOperator.<Event>keyed("g", Event::key)
            .window(Windows.global())
            .trigger(Triggers.purging(Triggers.count(2)))
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 5);
            h.processWatermark(1000);
            h.processElement(new Event(1, 2), 7);
            h.processElement(new Event(1, 4), 8);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(result(1, Long.MIN_VALUE, Long.MAX_VALUE, ON_TIME, 2, 3));
            assertThat(h.output().get(0).timestamp()).isEqualTo(7);
        }
    }

    @Test
    void shouldRefuseGlobalWindowWithoutTrigger()
    {
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("g", Event::key).window(Windows.global())
            .aggregate(Aggregates.count()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("fires only on a custom trigger");
    }

    @Test
    void shouldFireEarlyByEventTimeIntervalThenOnTimeThenLate()
    {
        final WindowOperator<Event, WindowResult> operator = WindowOperator.<Event>keyed("e", Event::key)
            .window(Windows.tumbling(100))
            .allowedLateness(50)
            .trigger(Triggers.eventTimeWithEarlyFirings(30))
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 10);
            h.processWatermark(29);
            assertThat(h.output()).isEmpty();
            h.processWatermark(30);
            h.processElement(new Event(1, 2), 40);
            h.processWatermark(65);
            h.processWatermark(99);
            h.processElement(new Event(1, 4), 50);

            assertThat(h.outputRecords()).containsExactly(
                result(1, 0, 100, EARLY, 1, 1),
                result(1, 0, 100, EARLY, 2, 3),
                result(1, 0, 100, EARLY, 2, 3),
                result(1, 0, 100, ON_TIME, 2, 3),
                result(1, 0, 100, LATE, 3, 7));
        }
    }

    @Test
    void shouldFireEveryNRecordsWithCountTriggerOnATimeWindowAndNotAtItsEnd()
    {
        final WindowOperator<Event, WindowResult> operator = WindowOperator.<Event>keyed("n", Event::key)
            .window(Windows.tumbling(100))
            .trigger(Triggers.count(2))
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value)));
        try (OperatorTestHarness<Event, WindowResult> h = harness(operator))
        {
            h.processElement(new Event(1, 1), 1);
            h.processElement(new Event(1, 2), 2);
            h.processElement(new Event(1, 4), 3);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(h.outputRecords()).containsExactly(result(1, 0, 100, EARLY, 2, 3));
            assertThat(operator.openWindows()).isZero();
        }
    }
}
