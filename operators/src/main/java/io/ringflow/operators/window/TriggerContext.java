package io.ringflow.operators.window;

import org.agrona.MutableDirectBuffer;

/**
 * What a trigger may use: the watermark, timers scoped to the current key and window, and its own
 * fixed-width state for the current window ({@link Trigger#stateBytes()} bytes at
 * {@code stateBuffer(), stateOffset()}, zero-filled when the window is created).
 * <p>
 * Valid only during the trigger call; the state offset moves between calls.
 */
public interface TriggerContext
{
    /** @return the operator's current watermark. */
    long currentWatermark();

    /** @param timestamp fire {@link Trigger#onEventTime} for the current window when the watermark reaches it. */
    void registerEventTimeTimer(long timestamp);

    /** @param timestamp a timer registered earlier for the current window. */
    void deleteEventTimeTimer(long timestamp);

    /** @return buffer holding this window's trigger state. */
    MutableDirectBuffer stateBuffer();

    /** @return offset of this window's trigger state. */
    int stateOffset();
}
