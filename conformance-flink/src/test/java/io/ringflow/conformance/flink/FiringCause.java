package io.ringflow.conformance.flink;

import io.ringflow.conformance.Firing;

/**
 * Hands the reason for a window firing from {@link CauseRecordingEventTimeTrigger} to the window
 * function, which Flink's API has no channel for: a {@code ProcessWindowFunction} sees the window
 * and the watermark, but by the time an on-time timer fires the watermark has passed the window's
 * max timestamp just as it has for a late record, so the two are indistinguishable there.
 *
 * <p>A thread-local suffices because Flink's {@code WindowOperator} calls the trigger and, when it
 * returns FIRE, the window function synchronously on the same task thread, in one call chain
 * ({@code processElement} -> {@code Trigger.onElement} -> {@code emitWindowContents}, or
 * {@code onEventTime} -> {@code Trigger.onEventTime} -> {@code emitWindowContents}) with nothing in
 * between that could fire another window. The job runs at parallelism 1, but even at higher
 * parallelism each subtask has its own thread, so the value cannot leak across windows.
 */
final class FiringCause {

    private static final ThreadLocal<Firing.Kind> CAUSE = new ThreadLocal<>();

    private FiringCause() {
    }

    /** Called by the trigger immediately before it returns FIRE. */
    static void record(Firing.Kind kind) {
        CAUSE.set(kind);
    }

    /**
     * Called by the window function once per firing; fails if no trigger decision preceded it, so a
     * broken assumption about Flink's call chain cannot silently mislabel firings.
     */
    static Firing.Kind take() {
        Firing.Kind kind = CAUSE.get();
        if (kind == null) {
            throw new IllegalStateException("window function called without a FIRE decision from the trigger");
        }
        CAUSE.remove();
        return kind;
    }
}
