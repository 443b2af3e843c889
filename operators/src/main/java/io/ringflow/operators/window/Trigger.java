package io.ringflow.operators.window;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Decides when a window emits. Built-ins are in {@link Triggers}; the global window needs a custom one.
 * A trigger replaces the default event-time trigger (as in Flink): a count trigger on a tumbling
 * window fires every N records and not at the window's end; use
 * {@link Triggers#eventTimeWithEarlyFirings(long)} for both.
 * <p>
 * A trigger is shared by all windows of an operator; per-window state lives off-heap in
 * {@link #stateBytes()} bytes handed in through the context. Called on the operator's thread.
 *
 * @param <T> record type.
 */
public interface Trigger<T>
{
    /** @return per-window state width in bytes (zero-filled when a window is created). */
    default int stateBytes()
    {
        return 0;
    }

    /**
     * A record was added to {@code window}.
     *
     * @param record    the record.
     * @param timestamp its event time.
     * @param window    the window, after any merge.
     * @param ctx       timers and state.
     * @return what to do.
     */
    TriggerResult onElement(T record, long timestamp, Window window, TriggerContext ctx);

    /**
     * A timer registered for {@code window} is due.
     *
     * @param time   the timer's timestamp.
     * @param window the window.
     * @param ctx    timers and state.
     * @return what to do.
     */
    TriggerResult onEventTime(long time, Window window, TriggerContext ctx);

    /** @return whether this trigger works with merging (session) windows. */
    default boolean canMerge()
    {
        return false;
    }

    /**
     * Fold the state of a window being merged away into the surviving window's state.
     *
     * @param target       surviving state buffer.
     * @param targetOffset its offset.
     * @param source       merged-away state buffer.
     * @param sourceOffset its offset.
     */
    default void mergeState(
        final MutableDirectBuffer target, final int targetOffset, final DirectBuffer source, final int sourceOffset)
    {
    }

    /**
     * Windows were merged into {@code window} (its state already merged); re-register timers.
     *
     * @param window the merged window.
     * @param ctx    timers and state of the merged window.
     */
    default void onMerge(final Window window, final TriggerContext ctx)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /**
     * The window is being removed or merged away: delete its timers. Do not change the state: the
     * operator discards it, or folds it into the merged window with {@link #mergeState} afterwards.
     *
     * @param window the window.
     * @param ctx    timers and state of that window.
     */
    void clear(Window window, TriggerContext ctx);
}
