package io.ringflow.perf.report;

import java.util.List;
import java.util.Optional;

/**
 * One of issue 6's targets for this machine, judged against the measures of one run: reported, never
 * asserted. A target whose figure the run did not produce reads "not measured".
 *
 * @param description what the target says.
 * @param group       the measure's group.
 * @param name        the measure's name.
 * @param engine      the measured engine (a latency subject, or {@code ringflow}).
 * @param other       the engine compared with, or {@code null} for a target on the value itself.
 * @param threshold   the ratio to reach (at least), or the value not to exceed (at most) without {@code other}.
 */
record Target(String description, String group, String name, String engine, String other, double threshold)
{
    /** Issue 6's targets. */
    static final List<Target> ISSUE_6 = List.of(
        new Target("Q1 within 1.5× of the hand-written loop", Measures.NEXMARK_SINGLE, "Q1 events/s",
            Measures.RINGFLOW, Measures.HANDWRITTEN, 1 / 1.5),
        new Target("Q2 within 1.5× of the hand-written loop", Measures.NEXMARK_SINGLE, "Q2 events/s",
            Measures.RINGFLOW, Measures.HANDWRITTEN, 1 / 1.5),
        new Target("Q1 ≥ 3× Flink per CPU-second", Measures.PEERS, "Q1 events/CPU-s", Measures.RINGFLOW, "flink", 3),
        new Target("Q5 ≥ 10× Flink per CPU-second", Measures.PEERS, "Q5 events/CPU-s", Measures.RINGFLOW, "flink", 10),
        new Target("Q7 ≥ 10× Flink per CPU-second", Measures.PEERS, "Q7 events/CPU-s", Measures.RINGFLOW, "flink", 10),
        new Target("Q5 ≥ 5× Esper per CPU-second", Measures.PEERS, "Q5 events/CPU-s", Measures.RINGFLOW, "esper", 5),
        new Target("Q7 ≥ 5× Esper per CPU-second", Measures.PEERS, "Q7 events/CPU-s", Measures.RINGFLOW, "esper", 5),
        new Target("Q1 p99 ≤ 10 µs at 1M records/s, one busy-spinning stage", Measures.LATENCY, "p99 at 1000000/s",
            "ringflow-q1", null, 10));

    /**
     * @param measures a run's measures.
     * @return the measure this target judges, if the run produced it.
     */
    Optional<Measure> find(final List<Measure> measures)
    {
        return measures.stream()
            .filter(m -> m.group().equals(group) && m.name().equals(name) && m.engine().equals(engine))
            .filter(m -> other == null || other.equals(m.other()))
            .findFirst();
    }

    /**
     * @param measure the figure found.
     * @return whether it meets the target.
     */
    boolean met(final Measure measure)
    {
        return other == null ? measure.value() <= threshold : measure.ratio() >= threshold;
    }

    /** @return the figure to show: the ratio, or the value itself. */
    double figure(final Measure measure)
    {
        return other == null ? measure.value() : measure.ratio();
    }
}
