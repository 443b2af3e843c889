package io.ringflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing differential case is only useful if its seed replays it and the matrix covers what it claims. */
class ScenarioTest {

    @Test
    void theSameScenarioGeneratesTheSameEvents() {
        Scenario scenario = new Scenario(new WindowSpec.Sliding(20, 5, 0), 60, 2, 22, 500, 1_000);

        assertThat(scenario.generateEvents()).hasSize(500).isEqualTo(scenario.generateEvents());
        assertThat(new Scenario(new WindowSpec.Sliding(20, 5, 0), 60, 2, 23, 500, 1_000).generateEvents())
                .isNotEqualTo(scenario.generateEvents());
    }

    @Test
    void generatedKeysAreSmallAndStreamsStartingBelowZeroCrossIt() {
        List<Event> events = new Scenario(new WindowSpec.Tumbling(10, 3), 0, 5, 3, 800, -800).generateEvents();

        assertThat(events).allSatisfy(e -> assertThat(e.key()).isBetween(1L, 8L));
        assertThat(events).anyMatch(e -> e.timestamp() < 0).anyMatch(e -> e.timestamp() > 0);
    }

    @Test
    void theMatrixCoversEveryWindowKindWithAndWithoutLatenessOnBothSidesOfZero() {
        List<Scenario> matrix = Scenarios.matrix(2);

        assertThat(matrix).hasSize(Scenarios.windowKinds().size() * 2 * 2);
        assertThat(matrix).extracting(Scenario::window).containsAll(Scenarios.windowKinds());
        assertThat(matrix).anyMatch(s -> s.allowedLateness() == 0).anyMatch(s -> s.allowedLateness() > 0);
        assertThat(matrix).anyMatch(s -> s.firstTimestamp() < 0).anyMatch(s -> s.firstTimestamp() > 0);
        assertThat(matrix).extracting(Scenario::seed).doesNotHaveDuplicates();
    }
}
