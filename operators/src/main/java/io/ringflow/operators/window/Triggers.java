package io.ringflow.operators.window;

/**
 * Built-in triggers. A trigger set on a window operator replaces the default {@link #eventTime()}.
 */
public final class Triggers
{
    private Triggers()
    {
    }

    /**
     * @param <T> record type.
     * @return fire when the watermark reaches the window's max timestamp, and again for each late record
     *         within allowed lateness (the default).
     */
    @SuppressWarnings("unchecked")
    public static <T> Trigger<T> eventTime()
    {
        return (Trigger<T>)(Trigger<?>)EventTimeTrigger.INSTANCE;
    }

    /**
     * @param count records per firing, {@code > 0}.
     * @param <T>   record type.
     * @return fire every {@code count} records added to a window, never on time.
     */
    @SuppressWarnings("unchecked")
    public static <T> Trigger<T> count(final long count)
    {
        return (Trigger<T>)(Trigger<?>)new CountTrigger(count);
    }

    /**
     * @param interval event-time distance between early firings, {@code > 0}.
     * @param <T>      record type.
     * @return early firings at every multiple of {@code interval} the watermark passes inside the window,
     *         then the on-time and late firings of {@link #eventTime()}.
     */
    @SuppressWarnings("unchecked")
    public static <T> Trigger<T> eventTimeWithEarlyFirings(final long interval)
    {
        return (Trigger<T>)(Trigger<?>)new ContinuousEventTimeTrigger(interval);
    }

    /**
     * @param trigger the trigger to wrap.
     * @param <T>     record type.
     * @return the same trigger, purging the window's contents whenever it fires.
     */
    public static <T> Trigger<T> purging(final Trigger<T> trigger)
    {
        return new PurgingTrigger<>(trigger);
    }
}
