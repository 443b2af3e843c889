package io.ringflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The join scenarios replay from their seeds and reach what the differential test claims to cover. */
class JoinScenarioTest {

    @Test
    void theSameScenarioGeneratesTheSameEvents() {
        JoinScenario scenario = new JoinScenario(new JoinSpec.Interval(-3, 3, false, false), 2, 7, 500, 1_000);

        assertThat(scenario.generateEvents()).hasSize(500).isEqualTo(scenario.generateEvents());
        assertThat(new JoinScenario(new JoinSpec.Interval(-3, 3, false, false), 2, 8, 500, 1_000).generateEvents())
                .isNotEqualTo(scenario.generateEvents());
    }

    @Test
    void streamsHoldBothSidesRecordsAtAndJustBehindTheWatermarkAndIdsInOrder() {
        JoinScenario scenario = new JoinScenario(new JoinSpec.Windowed(new WindowSpec.Session(6), 18), 2, 3, 800, -300);
        List<SideEvent> events = scenario.generateEvents();
        long[] watermarks = scenario.watermarksAtArrival(events);

        assertThat(events).anyMatch(SideEvent::left).anyMatch(e -> !e.left());
        assertThat(events).extracting(SideEvent::id).containsExactly(
                java.util.stream.LongStream.range(0, 800).boxed().toArray(Long[]::new));
        assertThat(events).filteredOn(e -> e.timestamp() == watermarks[(int) e.id()]).hasSizeGreaterThan(20);
        assertThat(events).filteredOn(e -> e.timestamp() == watermarks[(int) e.id()] - 1).hasSizeGreaterThan(20);
        assertThat(events).anyMatch(e -> e.timestamp() < 0).anyMatch(e -> e.timestamp() > 0);
    }

    @Test
    void theMatrixCoversIntervalsWithEitherBoundExclusiveAndEveryWindowKindWithAndWithoutLateness() {
        List<JoinScenario> matrix = JoinScenarios.matrix(2);

        assertThat(matrix).hasSize(JoinScenarios.joins().size() * 2);
        assertThat(matrix).extracting(JoinScenario::join).filteredOn(JoinSpec.Interval.class::isInstance)
                .map(JoinSpec.Interval.class::cast)
                .anyMatch(JoinSpec.Interval::lowerExclusive).anyMatch(JoinSpec.Interval::upperExclusive)
                .anyMatch(i -> i.upper() < 0).anyMatch(i -> i.lower() > 0 || i.lower() == 0);
        assertThat(matrix).extracting(JoinScenario::join).filteredOn(JoinSpec.Windowed.class::isInstance)
                .map(j -> ((JoinSpec.Windowed) j).window().getClass().getSimpleName())
                .contains("Tumbling", "Sliding", "Session");
        assertThat(matrix).anyMatch(s -> s.join().allowedLateness() > 0);
        assertThat(matrix).extracting(JoinScenario::seed).doesNotHaveDuplicates();
    }
}
