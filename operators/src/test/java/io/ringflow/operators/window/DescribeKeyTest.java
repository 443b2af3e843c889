package io.ringflow.operators.window;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.dedup.DedupOperator;
import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ringflow.operators.window.Windowing.countSum;
import static io.ringflow.operators.window.Windowing.harness;
import static org.assertj.core.api.Assertions.assertThat;

/** The debugging view of keyed state that replay and {@code ringflow state} print. */
class DescribeKeyTest
{
    @Test
    void shouldListTheKeysOpenWindowsInOrderWithWhatEachWouldEmitNow()
    {
        try (OperatorTestHarness<Event, WindowResult> h = harness(countSum(Windows.sliding(20, 10), 0)))
        {
            h.processElement(new Event(1, 5), 12);
            h.processElement(new Event(1, 7), 25);
            h.processElement(new Event(2, 100), 13);

            final List<String> lines = new ArrayList<>();
            h.operator().describeKey(1, lines);

            assertThat(lines).containsExactly(
                "window 'w': key 1 [0, 20) 1 records; would emit WindowResult{key=1, [0, 20), ON_TIME, values=[1, 5]}",
                "window 'w': key 1 [10, 30) 2 records; would emit WindowResult{key=1, [10, 30), ON_TIME, values=[2, 12]}",
                "window 'w': key 1 [20, 40) 1 records; would emit WindowResult{key=1, [20, 40), ON_TIME, values=[1, 7]}");
            assertThat(h.output()).as("a preview emits nothing").isEmpty();

            h.processWatermark(29);
            lines.clear();
            h.operator().describeKey(1, lines);
            assertThat(lines).singleElement().asString().startsWith("window 'w': key 1 [20, 40) 1 records");
            lines.clear();
            h.operator().describeKey(3, lines);
            assertThat(lines).isEmpty();
        }
    }

    @Test
    void shouldDescribeEveryOperatorOfAChainAndADedupsRememberedKey()
    {
        final OperatorChain<Event, WindowResult> chain = OperatorChain
            .<Event, Event>first(new DedupOperator<>("ids", e -> e.key, 50, 16))
            .then(countSum(Windows.tumbling(10), 0));
        try (OperatorTestHarness<Event, WindowResult> h = OperatorTestHarness.open(chain, WindowResult::copy))
        {
            h.processElement(new Event(4, 1), 3);
            final List<String> lines = new ArrayList<>();
            chain.describeKey(4, lines);
            assertThat(lines).containsExactly(
                "dedup 'ids': key 4 remembered until event time 53 (watermark -9223372036854775808)",
                "window 'w': key 4 [0, 10) 1 records; would emit WindowResult{key=4, [0, 10), ON_TIME, values=[1, 1]}");
        }
    }
}
