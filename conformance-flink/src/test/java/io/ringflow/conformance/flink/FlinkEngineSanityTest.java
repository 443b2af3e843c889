package io.ringflow.conformance.flink;

import static io.ringflow.conformance.Firing.Kind.LATE;
import static io.ringflow.conformance.Firing.Kind.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringflow.conformance.Dropped;
import io.ringflow.conformance.Event;
import io.ringflow.conformance.Firing;
import io.ringflow.conformance.Result;
import io.ringflow.conformance.ResultDiff;
import io.ringflow.conformance.Scenario;
import io.ringflow.conformance.Scenarios;
import io.ringflow.conformance.WindowSpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates the Flink harness itself against hand-computed results, so that the differential test
 * compares Ringflow with Flink's semantics and not with a mistake in {@link FlinkEngine} (watermark
 * placement, firing-kind labelling, side-output collection).
 *
 * <p>Every expected list below is in emission order where one key is involved, and each comment
 * gives the watermark after the record ({@code max ts - bound - 1}) that decides it.
 */
class FlinkEngineSanityTest {

    private static FlinkEngine flink;

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

    private static Event e(long key, long timestamp, long value) {
        return new Event(key, timestamp, value);
    }

    private static Firing f(long key, long start, long end, long count, long sum, long min, long max, Firing.Kind kind) {
        return new Firing(key, start, end, count, sum, min, max, kind);
    }

    @Test
    void tumblingWindowsFireWhenTheWatermarkPassesTheirEnd() {
        Scenario scenario = Scenario.of(new WindowSpec.Tumbling(10, 0), 0, 0);
        Result result = flink.run(scenario, List.of(
                e(1, 1, 10),
                e(1, 5, 20),
                e(1, 12, 5))); // wm 11 >= 9: [0,10) fires on time

        assertThat(result.firings()).containsExactly(
                f(1, 0, 10, 2, 30, 10, 20, ON_TIME),
                f(1, 10, 20, 1, 5, 5, 5, ON_TIME)); // end of input: MAX watermark
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void theWatermarkLagsTheBoundPlusOneAndLatenessZeroDropsAtTheBoundary() {
        Scenario scenario = Scenario.of(new WindowSpec.Tumbling(10, 0), 0, 2);
        Result result = flink.run(scenario, List.of(
                e(1, 5, 1),   // wm 2
                e(1, 11, 7),  // wm 8
                e(1, 9, 3),   // [0,10) max ts 9 > wm 8: an ordinary addition
                e(1, 12, 2),  // wm 9: [0,10) fires on time with 5 and 9
                e(1, 8, 100), // [0,10) max ts 9 + lateness 0 <= wm 9: dropped
                e(1, 10, 4))); // [10,20) not due yet

        assertThat(result.firings()).containsExactly(
                f(1, 0, 10, 2, 4, 1, 3, ON_TIME),
                f(1, 10, 20, 3, 13, 2, 7, ON_TIME));
        assertThat(result.dropped()).containsExactly(new Dropped(1, 8, 100));
    }

    @Test
    void aLateRecordWithinTheLatenessFiresAgainWithTheFullCountThenTheWindowIsDropped() {
        Scenario scenario = Scenario.of(new WindowSpec.Tumbling(10, 0), 5, 0);
        Result result = flink.run(scenario, List.of(
                e(1, 3, 1),
                e(1, 12, 2),  // wm 11: [0,10) fires on time with 3
                e(1, 4, 4),   // wm 11 < 9 + 5: accepted, late firing with 3 and 4
                e(1, 15, 8),  // wm 14 = 9 + 5: [0,10) is cleaned up
                e(1, 6, 16))); // its only window is gone: dropped

        assertThat(result.firings()).containsExactly(
                f(1, 0, 10, 1, 1, 1, 1, ON_TIME),
                f(1, 0, 10, 2, 5, 1, 4, LATE),
                f(1, 10, 20, 2, 10, 2, 8, ON_TIME));
        assertThat(result.dropped()).containsExactly(new Dropped(1, 6, 16));
    }

    @Test
    void aWindowFirstSeenLateHasOnlyLateFirings() {
        Scenario scenario = Scenario.of(new WindowSpec.Tumbling(10, 0), 20, 0);
        Result result = flink.run(scenario, List.of(
                e(1, 25, 1), // wm 24
                e(2, 3, 2),  // key 2's [0,10): 9 <= wm 24 < 9 + 20, so created and fired late
                e(2, 7, 3))); // and again, with both records

        assertThat(result.firings()).containsExactly(
                f(2, 0, 10, 1, 2, 2, 2, LATE),
                f(2, 0, 10, 2, 5, 2, 3, LATE),
                f(1, 20, 30, 1, 1, 1, 1, ON_TIME));
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void negativeTimestampsAndOffsetsAlignLikeFloorMod() {
        // Tumbling size 10, offset 3: start = ts - floorMod(ts - 3, 10), so windows ... [-17,-7) [-7,3) [3,13).
        Scenario scenario = Scenario.of(new WindowSpec.Tumbling(10, 3), 0, 100);
        Result result = flink.run(scenario, List.of(
                e(1, -8, 1),
                e(1, -7, 2),
                e(1, 2, 4),
                e(1, 3, 8),
                e(2, -1, 16))); // the large bound keeps every window open until end of input

        assertThat(result.sortedFirings()).containsExactly(
                f(1, -17, -7, 1, 1, 1, 1, ON_TIME),
                f(1, -7, 3, 2, 6, 2, 4, ON_TIME),
                f(2, -7, 3, 1, 16, 16, 16, ON_TIME),
                f(1, 3, 13, 1, 8, 8, 8, ON_TIME));
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void slidingWindowsAssignEveryWindowContainingTheRecord() {
        // Size 10, slide 5, offset -2: windows start at ... -12, -7, -2, 3, 8 ...
        Scenario scenario = Scenario.of(new WindowSpec.Sliding(10, 5, -2), 0, 100);
        Result result = flink.run(scenario, List.of(
                e(1, 7, 1),    // [-2,8) and [3,13)
                e(1, -3, 2))); // [-12,-2) and [-7,3)

        assertThat(result.sortedFirings()).containsExactly(
                f(1, -12, -2, 1, 2, 2, 2, ON_TIME),
                f(1, -7, 3, 1, 2, 2, 2, ON_TIME),
                f(1, -2, 8, 1, 1, 1, 1, ON_TIME),
                f(1, 3, 13, 1, 1, 1, 1, ON_TIME));
    }

    @Test
    void sessionsMergeWhenTheyTouchAndWhenARecordBridgesThem() {
        Scenario scenario = Scenario.of(new WindowSpec.Session(5), 0, 10);
        Result result = flink.run(scenario, List.of(
                e(1, 0, 1),    // [0,5)
                e(1, 8, 2),    // [8,13), separate; wm -3
                e(1, 4, 4),    // [4,9) intersects both: [0,13)
                e(1, 30, 8),   // wm 19: [0,13) fires
                e(1, 35, 16))); // [35,40) touches [30,35): [30,40)

        assertThat(result.firings()).containsExactly(
                f(1, 0, 13, 3, 7, 1, 4, ON_TIME),
                f(1, 30, 40, 2, 24, 8, 16, ON_TIME));
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void aLateRecordMergesSessionsWithinTheLatenessAndATooLateOneIsDropped() {
        Scenario scenario = Scenario.of(new WindowSpec.Session(5), 10, 0);
        Result result = flink.run(scenario, List.of(
                e(1, 0, 1),    // [0,5)
                e(1, 10, 2),   // [10,15); wm 9: [0,5) fires on time, kept until wm 14
                e(1, 3, 4),    // [3,8) merges with [0,5): [0,8), max ts 7 <= wm 9: late firing
                e(1, 5, 8),    // [5,10) bridges [0,8) and [10,15): [0,15), not due yet
                e(1, -20, 16))); // [-20,-15) is past -16 + 10: dropped

        assertThat(result.firings()).containsExactly(
                f(1, 0, 5, 1, 1, 1, 1, ON_TIME),
                f(1, 0, 8, 2, 5, 1, 4, LATE),
                f(1, 0, 15, 4, 15, 1, 8, ON_TIME));
        assertThat(result.dropped()).containsExactly(new Dropped(1, -20, 16));
    }

    /** The generator is only useful if its streams reach late firings and drops in every window kind. */
    static List<Scenario> generatedWithLateness() {
        return Scenarios.windowKinds().stream()
                .map(window -> new Scenario(window, 3 * window.scale(), 2, 7, 600, -300))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedWithLateness")
    void generatedStreamsProduceOnTimeAndLateFiringsAndDrops(Scenario scenario) {
        Result result = flink.run(scenario, scenario.generateEvents());

        assertThat(result.count(ON_TIME)).as(result.summary()).isPositive();
        assertThat(result.count(LATE)).as(result.summary()).isPositive();
        assertThat(result.dropped()).as(result.summary()).isNotEmpty();
        assertThat(result.firings()).as("a window with negative bounds").anyMatch(f -> f.start() < 0);
    }

    /**
     * The firing-kind labels come from a trigger of our own; it must leave Flink's behaviour exactly
     * as its stock EventTimeTrigger has it, or the comparison would be against a different Flink.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedWithLateness")
    void theCauseRecordingTriggerBehavesLikeFlinksEventTimeTrigger(Scenario scenario) {
        List<Event> events = scenario.generateEvents();

        Result stock = flink.runWithStockTrigger(scenario, events);
        Result recording = flink.run(scenario, events);

        ResultDiff.assertSameResults(scenario, "EventTimeTrigger", stock,
                "CauseRecordingEventTimeTrigger", withoutKinds(recording));
    }

    private static Result withoutKinds(Result result) {
        return new Result(result.firings().stream()
                .map(x -> f(x.key(), x.start(), x.end(), x.count(), x.sum(), x.min(), x.max(), ON_TIME))
                .toList(), result.dropped());
    }

    @Test
    void flinkWithPunctuatedWatermarksIsDeterministic() {
        Scenario scenario = new Scenario(new WindowSpec.Session(6), 18, 5, 11, 800, -400);
        List<Event> events = scenario.generateEvents();

        ResultDiff.assertSameResults(scenario, "first run", flink.run(scenario, events),
                "second run", flink.run(scenario, events));
    }
}
