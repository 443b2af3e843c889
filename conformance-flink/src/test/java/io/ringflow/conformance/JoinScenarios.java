package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The scenario matrix of the join differential tests: joins x seeds. */
public final class JoinScenarios {

    private JoinScenarios() {
    }

    /**
     * Interval joins with the right record after, around and before the left one, each bound inclusive
     * and exclusive, and a point interval; window joins over aligned and offset tumbling, sliding and
     * session windows, with lateness 0 and three window lengths.
     */
    public static List<JoinSpec> joins() {
        List<JoinSpec> joins = new ArrayList<>(List.of(
                new JoinSpec.Interval(0, 5, false, false),
                new JoinSpec.Interval(-3, 3, false, false),
                new JoinSpec.Interval(-6, -2, false, false),
                new JoinSpec.Interval(-4, 0, true, false),
                new JoinSpec.Interval(0, 4, false, true),
                new JoinSpec.Interval(-2, 5, true, true),
                new JoinSpec.Interval(0, 0, false, false)));
        for (WindowSpec window : List.of(new WindowSpec.Tumbling(10, 0), new WindowSpec.Tumbling(7, -3),
                new WindowSpec.Sliding(20, 5, -2), new WindowSpec.Session(6))) {
            joins.add(new JoinSpec.Windowed(window, 0));
            joins.add(new JoinSpec.Windowed(window, 3 * window.scale()));
        }
        return joins;
    }

    /**
     * {@code seedsPerCase} scenarios for every join. Bound, stream length and origin (odd seeds start below
     * zero so the stream crosses it) are drawn from the seed, so each seed is a distinct, replayable case.
     */
    public static List<JoinScenario> matrix(int seedsPerCase) {
        List<JoinScenario> scenarios = new ArrayList<>();
        long seed = 1_001;
        for (JoinSpec join : joins()) {
            for (int i = 0; i < seedsPerCase; i++, seed++) {
                SplittableRandom shape = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
                long bound = new long[] {0, 2, 5}[shape.nextInt(3)];
                int events = 300 + shape.nextInt(400);
                long origin = seed % 2 == 1 ? -events : 1_000;
                scenarios.add(new JoinScenario(join, bound, seed, events, origin));
            }
        }
        return scenarios;
    }
}
