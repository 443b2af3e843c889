package io.ringflow.operators.window;

/**
 * The default: fire when the watermark reaches the window's max timestamp; a record added after that
 * (within allowed lateness) fires the window again at once.
 * <p>
 * State: one flag, "timer registered", so that only a window's first record pays for the timer
 * registration (a hash lookup); registering again would be a no-op anyway.
 */
final class EventTimeTrigger implements Trigger<Object>
{
    static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

    @Override
    public int stateBytes()
    {
        return Long.BYTES;
    }

    @Override
    public TriggerResult onElement(final Object record, final long timestamp, final Window window, final TriggerContext ctx)
    {
        if (window.maxTimestamp() <= ctx.currentWatermark())
        {
            return TriggerResult.FIRE;
        }
        if (ctx.stateBuffer().getLong(ctx.stateOffset()) == 0)
        {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            ctx.stateBuffer().putLong(ctx.stateOffset(), 1);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(final long time, final Window window, final TriggerContext ctx)
    {
        return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge()
    {
        return true;
    }

    @Override
    public void onMerge(final Window window, final TriggerContext ctx)
    {
        final boolean register = window.maxTimestamp() > ctx.currentWatermark();
        if (register)
        {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
        ctx.stateBuffer().putLong(ctx.stateOffset(), register ? 1 : 0);
    }

    @Override
    public void clear(final Window window, final TriggerContext ctx)
    {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString()
    {
        return "eventTime";
    }
}
