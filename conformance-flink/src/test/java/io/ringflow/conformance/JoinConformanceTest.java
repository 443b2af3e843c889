package io.ringflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringflow.conformance.flink.FlinkJoinEngine;
import io.ringflow.conformance.ringflow.RingflowJoinEngine;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join differential test: Ringflow's interval join, window join and window co-group against Apache
 * Flink 2.1's on the same random two-sided inputs, in the same interleaving, with each side's watermark
 * generated per record (see {@link FlinkJoinEngine} for how Flink is made to take the records in that
 * order). What must agree, and the one documented difference, are in {@link JoinResultDiff}; a failure
 * prints the scenario, replayable from its seed.
 */
class JoinConformanceTest {

    private static final int SEEDS_PER_CASE = 2;

    private static FlinkJoinEngine flink;
    private static final JoinEngine RINGFLOW = new RingflowJoinEngine();
    private static int boundaryPairs;
    private static int pairs;
    private static int late;

    @BeforeAll
    static void startFlink() {
        flink = new FlinkJoinEngine();
    }

    @AfterAll
    static void stopFlink() {
        if (flink != null) {
            flink.close();
        }
        System.out.println("[join conformance] pairs=" + pairs + " late=" + late
                + " interval pairs only Ringflow emitted (records at the watermark on a bound)=" + boundaryPairs);
    }

    static List<JoinScenario> scenarios() {
        return JoinScenarios.matrix(SEEDS_PER_CASE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ringflowMatchesFlink(JoinScenario scenario) {
        List<SideEvent> events = scenario.generateEvents();
        JoinResult expected = flink.run(scenario, events);
        JoinResult actual = RINGFLOW.run(scenario, events);
        boundaryPairs += JoinResultDiff.assertConforms(scenario, events, expected, actual).ringflowOnlyBoundaryPairs();
        pairs += actual.pairs().size();
        late += actual.late().size();
        assertThat(actual.pairs()).as("the scenario joins something").isNotEmpty();
    }
}
