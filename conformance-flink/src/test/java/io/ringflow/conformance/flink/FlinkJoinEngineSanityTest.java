package io.ringflow.conformance.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringflow.conformance.CoGroupFiring;
import io.ringflow.conformance.JoinResult;
import io.ringflow.conformance.JoinScenario;
import io.ringflow.conformance.JoinSpec;
import io.ringflow.conformance.JoinedPair;
import io.ringflow.conformance.SideEvent;
import io.ringflow.conformance.WindowSpec;
import io.ringflow.conformance.ringflow.RingflowJoinEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the join harness itself against hand-computed results, so that the differential test compares
 * Ringflow with Flink's semantics and not with a mistake in {@link FlinkJoinEngine} (interleaving,
 * per-side watermarks, probes leaking into results). Comments give the combined watermark each record is
 * judged against (bound 0: each side's watermark is its max timestamp - 1, the join's the lower of the two).
 */
class FlinkJoinEngineSanityTest {

    private static FlinkJoinEngine flink;

    @BeforeAll
    static void startFlink() {
        flink = new FlinkJoinEngine();
    }

    @AfterAll
    static void stopFlink() {
        if (flink != null) {
            flink.close();
        }
    }

    private static List<SideEvent> events(Object... sidesKeysTimes) {
        List<SideEvent> events = new ArrayList<>();
        for (int i = 0; i < sidesKeysTimes.length; i += 3) {
            events.add(new SideEvent("L".equals(sidesKeysTimes[i]), ((Number) sidesKeysTimes[i + 1]).longValue(),
                    ((Number) sidesKeysTimes[i + 2]).longValue(), i / 3));
        }
        return events;
    }

    @Test
    void intervalJoinPairsTimestampsAndLateRecordsOfEitherSide() {
        JoinScenario scenario = new JoinScenario(new JoinSpec.Interval(0, 5, false, false), 0, 0, 0, 0);
        List<SideEvent> events = events(
                "L", 1, 10,  // 0: wm MIN
                "R", 1, 15,  // 1: wm MIN -> joins 0 (15 - 10 = 5, inclusive)
                "R", 1, 16,  // 2: wm 9 -> too far from 0
                "L", 1, 3,   // 3: wm 9 -> late
                "R", 1, 8,   // 4: wm 9 -> late
                "L", 1, 11); // 5: wm 9 -> joins 1 and 2
        JoinResult result = flink.run(scenario, events);

        assertThat(result.pairs()).containsExactlyInAnyOrder(
                new JoinedPair(0, 1, 15), new JoinedPair(5, 1, 15), new JoinedPair(5, 2, 16));
        assertThat(result.late()).containsExactlyInAnyOrder(events.get(3), events.get(4));
        assertThat(new RingflowJoinEngine().run(scenario, events)).isEqualTo(new JoinResult(
                List.of(new JoinedPair(0, 1, 15), new JoinedPair(5, 1, 15), new JoinedPair(5, 2, 16)), List.of(),
                List.of(events.get(3), events.get(4))));
    }

    @Test
    void flinkExpiresALeftRecordWhenTheWatermarkReachesItsUpperBoundRingflowOnceItPassesIt() {
        JoinScenario scenario = new JoinScenario(new JoinSpec.Interval(0, 5, false, false), 0, 0, 0, 0);
        List<SideEvent> events = events(
                "L", 1, 10,  // 0: joinable by right records up to 15
                "R", 2, 20,  // 1: wm MIN
                "L", 2, 16,  // 2: wm 9 -> joins 1; then wm min(15, 19) = 15: Flink drops 0 here
                "R", 1, 15); // 3: wm 15 -> not late, and 15 - 10 = 5: joins 0 in Ringflow only
        assertThat(flink.run(scenario, events).pairs()).containsExactly(new JoinedPair(2, 1, 20));
        assertThat(new RingflowJoinEngine().run(scenario, events).pairs())
                .containsExactly(new JoinedPair(2, 1, 20), new JoinedPair(0, 3, 15));
    }

    @Test
    void windowJoinAndCoGroupFireOnTheCombinedWatermarkAndDropLateRecordsSilently() {
        JoinScenario scenario = new JoinScenario(new JoinSpec.Windowed(new WindowSpec.Tumbling(10, 0), 0), 0, 0, 0, 0);
        List<SideEvent> events = events(
                "L", 1, 1,   // 0: [0, 10)
                "R", 1, 5,   // 1: [0, 10)
                "L", 1, 12,  // 2: [10, 20); wm min(0, 4) = 0
                "R", 1, 15,  // 3: wm 4; then min(11, 14) = 11: [0, 10) fires
                "L", 1, 8,   // 4: wm 11: [0, 10) is past -> late
                "R", 2, 3);  // 5: wm 11: late
        JoinResult result = flink.run(scenario, events);

        assertThat(result.pairs()).containsExactlyInAnyOrder(new JoinedPair(0, 1, 9), new JoinedPair(2, 3, 19));
        assertThat(result.sortedFirings()).containsExactly(
                new CoGroupFiring(1, 9, "0", "1"), new CoGroupFiring(1, 19, "2", "3"));
        assertThat(result.late()).containsExactly(events.get(4), events.get(5));
        assertThat(new RingflowJoinEngine().run(scenario, events)).isEqualTo(result);
    }
}
