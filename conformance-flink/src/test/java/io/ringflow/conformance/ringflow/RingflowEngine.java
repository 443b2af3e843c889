package io.ringflow.conformance.ringflow;

import io.ringflow.conformance.Event;
import io.ringflow.conformance.Result;
import io.ringflow.conformance.Scenario;
import io.ringflow.conformance.WindowEngine;
import java.util.List;

/**
 * Ringflow's side of the differential test: will run the scenario through Ringflow's own keyed
 * event-time window operator and translate its output into {@link Result}.
 *
 * <p>To compare equal with {@link io.ringflow.conformance.flink.FlinkEngine} it must, at
 * parallelism 1 and in list order: advance the watermark to {@code maxTimestamp - outOfOrderness - 1}
 * after each record; apply the scenario's window, allowed lateness and late side output with the
 * semantics of shared/DESIGN.md; report one {@code Firing} per window emission (ON_TIME when the
 * watermark reaches {@code end - 1}, LATE for each record accepted into a window the watermark has
 * already passed, each with the window's full count/sum/min/max) and one {@code Dropped} per
 * side-output record; and at end of input advance the watermark to {@code Long.MAX_VALUE}.
 */
public final class RingflowEngine implements WindowEngine {

    @Override
    public Result run(Scenario scenario, List<Event> events) {
        throw new UnsupportedOperationException("pending: wired to io.ringflow.operators.window once it lands");
    }
}
