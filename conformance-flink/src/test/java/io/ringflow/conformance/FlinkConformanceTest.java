package io.ringflow.conformance;

import io.ringflow.conformance.flink.FlinkEngine;
import io.ringflow.conformance.ringflow.RingflowEngine;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test: Ringflow's window operators must produce exactly what Apache Flink produces
 * on the same random streams (shared/DESIGN.md promises Flink's event-time semantics), firing for
 * firing and drop for drop, for tumbling (aligned and offset), sliding and session windows, with
 * and without allowed lateness, with timestamps on both sides of zero.
 *
 * <p>Flink is the reference; a failure prints the scenario (rerun it from its seed), the first
 * differing firing and the first window whose firing sequence differs.
 */
class FlinkConformanceTest {

    private static final int SEEDS_PER_CASE = 3;

    private static FlinkEngine flink;
    private static final WindowEngine RINGFLOW = new RingflowEngine();
    private static final WindowEngine RINGFLOW_PANES = new RingflowEngine(true);

    @BeforeAll
    static void startFlink() {
        flink = new FlinkEngine();
    }

    @AfterAll
    static void stopFlink() {
        if (flink != null) {
            flink.close();
        }
    }

    static List<Scenario> scenarios() {
        return Scenarios.matrix(SEEDS_PER_CASE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ringflowMatchesFlink(Scenario scenario) {
        assertMatchesFlink(scenario, RINGFLOW, "ringflow");
    }

    /** The sliding scenarios again, with Ringflow keeping the windows as panes. */
    static List<Scenario> slidingScenarios() {
        return Scenarios.matrix(SEEDS_PER_CASE).stream()
            .filter(scenario -> scenario.window() instanceof WindowSpec.Sliding sliding && sliding.size() % sliding.slide() == 0)
            .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slidingScenarios")
    void ringflowWithPanesMatchesFlink(Scenario scenario) {
        assertMatchesFlink(scenario, RINGFLOW_PANES, "ringflow with panes");
    }

    private static void assertMatchesFlink(Scenario scenario, WindowEngine ringflow, String name) {
        List<Event> events = scenario.generateEvents();
        Result expected = flink.run(scenario, events);
        ResultDiff.assertSameResults(scenario, "flink", expected, name, ringflow.run(scenario, events));
    }
}
