package io.ringflow.conformance;

import java.util.List;

/**
 * An engine under comparison for joins: runs a scenario's join of two keyed streams over a finite,
 * interleaved input and reports the outputs and the late records.
 *
 * <p>The contract each implementation follows, so that results are comparable:
 * <ul>
 *   <li>records reach the join in list order, at parallelism 1;</li>
 *   <li>each side has its own watermark, {@code max(timestamp seen on that side) - outOfOrderness - 1},
 *       advanced after each of its records; the join's watermark is the minimum of the two, so a
 *       record is judged against the combined watermark of the records before it;</li>
 *   <li>at the end of input both sides' watermarks jump to {@code Long.MAX_VALUE};</li>
 *   <li>window scenarios run the window join and the window co-group over the same input.</li>
 * </ul>
 */
public interface JoinEngine {

    JoinResult run(JoinScenario scenario, List<SideEvent> events);
}
