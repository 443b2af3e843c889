package io.ringflow.operators.window;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Fires every {@code count} records added to a window (and not at its end); state: one long counter.
 */
final class CountTrigger implements Trigger<Object>
{
    private final long count;

    CountTrigger(final long count)
    {
        Windows.requirePositive("count trigger count", count);
        this.count = count;
    }

    @Override
    public int stateBytes()
    {
        return Long.BYTES;
    }

    @Override
    public TriggerResult onElement(final Object record, final long timestamp, final Window window, final TriggerContext ctx)
    {
        final MutableDirectBuffer state = ctx.stateBuffer();
        final int offset = ctx.stateOffset();
        final long seen = state.getLong(offset) + 1;
        if (seen >= count)
        {
            state.putLong(offset, 0);
            return TriggerResult.FIRE;
        }
        state.putLong(offset, seen);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(final long time, final Window window, final TriggerContext ctx)
    {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge()
    {
        return true;
    }

    @Override
    public void mergeState(
        final MutableDirectBuffer target, final int targetOffset, final DirectBuffer source, final int sourceOffset)
    {
        target.putLong(targetOffset, target.getLong(targetOffset) + source.getLong(sourceOffset));
    }

    @Override
    public void onMerge(final Window window, final TriggerContext ctx)
    {
    }

    @Override
    public void clear(final Window window, final TriggerContext ctx)
    {
        // no timers to delete; the counter goes with the window's state
    }

    @Override
    public String toString()
    {
        return "count(" + count + ")";
    }
}
