package io.ringflow.operators.window;

/**
 * What a trigger decides: fire (emit the window's result), purge (drop its contents), both or neither.
 */
public enum TriggerResult
{
    /** Nothing. */
    CONTINUE(false, false),
    /** Emit the result, keep the contents. */
    FIRE(true, false),
    /** Drop the contents without emitting. */
    PURGE(false, true),
    /** Emit, then drop the contents. */
    FIRE_AND_PURGE(true, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(final boolean fire, final boolean purge)
    {
        this.fire = fire;
        this.purge = purge;
    }

    /** @return whether the window emits. */
    public boolean isFire()
    {
        return fire;
    }

    /** @return whether the window's contents are dropped. */
    public boolean isPurge()
    {
        return purge;
    }
}
