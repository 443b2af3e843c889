package io.ringflow.conformance.flink;

import io.ringflow.conformance.Firing;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Flink's {@code EventTimeTrigger}, decision for decision, that also records why it fires (see
 * {@link FiringCause}).
 *
 * <p>It must not change Flink's semantics: every method returns what {@code EventTimeTrigger} in
 * Flink 2.1 returns and registers or deletes the same timers. A late record (its window's max
 * timestamp is at or behind the watermark) makes {@code onElement} return FIRE, which is a
 * {@link Firing.Kind#LATE} firing; the event-time timer at the max timestamp makes
 * {@code onEventTime} return FIRE, which is the {@link Firing.Kind#ON_TIME} one. Other timers of the
 * window (the cleanup timer at {@code maxTimestamp + allowedLateness}, which the window operator
 * also routes through the trigger) continue.
 */
final class CauseRecordingEventTimeTrigger extends Trigger<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            // The watermark is already past the window: fire immediately, with the updated contents.
            FiringCause.record(Firing.Kind.LATE);
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        if (time == window.maxTimestamp()) {
            FiringCause.record(Firing.Kind.ON_TIME);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(TimeWindow window, OnMergeContext ctx) {
        // Like EventTimeTrigger: only register a timer for the merged window if it is not already
        // late; if it is, the record that caused the merge fires it through onElement.
        long windowMaxTimestamp = window.maxTimestamp();
        if (windowMaxTimestamp > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(windowMaxTimestamp);
        }
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "CauseRecordingEventTimeTrigger()";
    }
}
