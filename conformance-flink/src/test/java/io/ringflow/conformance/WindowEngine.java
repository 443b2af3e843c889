package io.ringflow.conformance;

import java.util.List;

/**
 * An engine under comparison: runs one keyed event-time window aggregation over a finite stream and
 * reports every firing and every dropped record.
 *
 * <p>The contract each implementation follows, so that results are comparable:
 * <ul>
 *   <li>records are processed in list order at parallelism 1;</li>
 *   <li>after each record the watermark becomes {@code max(timestamp seen) - outOfOrderness - 1}
 *       (per record, never on a wall-clock timer), so a record is judged against the watermark of
 *       the records before it;</li>
 *   <li>at the end of input the watermark jumps to {@code Long.MAX_VALUE}, firing every window;</li>
 *   <li>windows, lateness and late side output follow {@link Scenario#window()} and
 *       {@link Scenario#allowedLateness()} with Flink's semantics (shared/DESIGN.md).</li>
 * </ul>
 */
public interface WindowEngine {

    /**
     * Runs the scenario's window over {@code events}.
     *
     * @return firings in emission order (at least per window) and the late side output
     */
    Result run(Scenario scenario, List<Event> events);
}
