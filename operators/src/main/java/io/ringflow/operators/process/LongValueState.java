package io.ringflow.operators.process;

/**
 * One {@code long} of keyed state for the current key.
 * <p>
 * Threading: only from the function's calls (processElement / onTimer).
 */
public final class LongValueState
{
    private final ValueState state;

    LongValueState(final ValueState state)
    {
        this.state = state;
    }

    /** @return whether the current key has a value. */
    public boolean exists()
    {
        return state.exists();
    }

    /**
     * @param defaultValue returned when the current key has no value.
     * @return the value.
     */
    public long get(final long defaultValue)
    {
        return state.exists() ? state.getLong(0) : defaultValue;
    }

    /** @param value the current key's new value. */
    public void set(final long value)
    {
        state.putLong(0, value);
    }

    /** Remove the current key's value. */
    public void clear()
    {
        state.clear();
    }
}
