package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The scenario matrix of the differential tests: window kinds x lateness x seeds. */
public final class Scenarios {

    private Scenarios() {
    }

    /** Window kinds compared: aligned and offset tumbling, sliding (offset negative too), sessions. */
    public static List<WindowSpec> windowKinds() {
        return List.of(
                new WindowSpec.Tumbling(10, 0),
                new WindowSpec.Tumbling(10, 3),
                new WindowSpec.Tumbling(7, -3),
                new WindowSpec.Sliding(20, 5, 0),
                new WindowSpec.Sliding(15, 5, -2),
                new WindowSpec.Session(6),
                new WindowSpec.Session(11));
    }

    /**
     * {@code seedsPerCase} scenarios for every window kind, each with lateness 0 and with lateness of
     * three window lengths. Bound, stream length and origin (odd seeds start below zero so the stream
     * crosses it) are drawn from the seed, so each seed is a distinct, replayable case.
     */
    public static List<Scenario> matrix(int seedsPerCase) {
        List<Scenario> scenarios = new ArrayList<>();
        long seed = 1;
        for (WindowSpec window : windowKinds()) {
            for (long lateness : new long[] {0, 3 * window.scale()}) {
                for (int i = 0; i < seedsPerCase; i++, seed++) {
                    SplittableRandom shape = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
                    long bound = new long[] {0, 2, 5}[shape.nextInt(3)];
                    int events = 300 + shape.nextInt(700);
                    long origin = seed % 2 == 1 ? -events : 1_000;
                    scenarios.add(new Scenario(window, lateness, bound, seed, events, origin));
                }
            }
        }
        return scenarios;
    }
}
