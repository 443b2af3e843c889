package io.ringflow.conformance;

import static io.ringflow.conformance.Firing.Kind.LATE;
import static io.ringflow.conformance.Firing.Kind.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison must ignore what is not in the contract and catch, readably, everything that is. */
class ResultDiffTest {

    private static final Scenario SCENARIO = new Scenario(new WindowSpec.Tumbling(10, 0), 5, 0, 42, 100, 0);

    private static final Firing K1_ON_TIME = new Firing(1, 0, 10, 1, 5, 5, 5, ON_TIME);
    private static final Firing K1_LATE = new Firing(1, 0, 10, 2, 7, 2, 5, LATE);
    private static final Firing K2_ON_TIME = new Firing(2, 0, 10, 1, 3, 3, 3, ON_TIME);

    @Test
    void orderAcrossKeysIsNotPartOfTheContract() {
        Result a = new Result(List.of(K1_ON_TIME, K2_ON_TIME, K1_LATE), List.of(new Dropped(1, 2, 3), new Dropped(2, 1, 1)));
        Result b = new Result(List.of(K2_ON_TIME, K1_ON_TIME, K1_LATE), List.of(new Dropped(2, 1, 1), new Dropped(1, 2, 3)));

        assertThat(ResultDiff.describe(SCENARIO, "a", a, "b", b)).isEmpty();
    }

    @Test
    void theOrderOfOneWindowsFiringsIs() {
        Result a = new Result(List.of(K1_ON_TIME, K1_LATE), List.of());
        Result b = new Result(List.of(K1_LATE, K1_ON_TIME), List.of());

        assertThat(ResultDiff.describe(SCENARIO, "flink", a, "ringflow", b)).hasValueSatisfying(message -> assertThat(message)
                .contains("first window whose firing sequence (emission order) differs: key 1 [0, 10)")
                .doesNotContain("first differing firing"));
    }

    @Test
    void aDifferentFiringIsShownWithTheScenarioSeed() {
        Firing wrongCount = new Firing(1, 0, 10, 3, 7, 2, 5, LATE);
        Result a = new Result(List.of(K1_ON_TIME, K1_LATE), List.of());
        Result b = new Result(List.of(K1_ON_TIME, wrongCount), List.of());

        assertThatThrownBy(() -> ResultDiff.assertSameResults(SCENARIO, "flink", a, "ringflow", b))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed=42")
                .hasMessageContaining("index 1")
                .hasMessageContaining("flink: " + K1_LATE)
                .hasMessageContaining("ringflow: " + wrongCount);
    }

    @Test
    void droppedRecordsCompareAsAMultiset() {
        Dropped d = new Dropped(1, 2, 3);
        Result a = new Result(List.of(), List.of(d, d));
        Result b = new Result(List.of(), List.of(d));

        assertThat(ResultDiff.describe(SCENARIO, "flink", a, "ringflow", b)).hasValueSatisfying(message -> assertThat(message)
                .contains("dropped only by flink (1): [" + d + "]")
                .contains("dropped only by ringflow (0): []"));
    }
}
