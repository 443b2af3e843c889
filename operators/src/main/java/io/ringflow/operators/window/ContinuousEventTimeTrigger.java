package io.ringflow.operators.window;

import io.ringflow.operators.Timestamps;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Early firings every {@code interval} of event time, aligned to multiples of the interval, plus the
 * regular firing at the window's end and late firings within lateness: Flink's
 * {@code ContinuousEventTimeTrigger}, except that the first early firing is aligned with
 * {@code floorMod} so negative timestamps align like positive ones (Flink truncates towards zero).
 * <p>
 * State: a flag and the next early-firing timestamp.
 */
final class ContinuousEventTimeTrigger implements Trigger<Object>
{
    private static final int HAS_NEXT_OFFSET = 0;
    private static final int NEXT_FIRE_OFFSET = 8;

    private final long interval;

    ContinuousEventTimeTrigger(final long interval)
    {
        Windows.requirePositive("early firing interval", interval);
        this.interval = interval;
    }

    @Override
    public int stateBytes()
    {
        return 16;
    }

    @Override
    public TriggerResult onElement(final Object record, final long timestamp, final Window window, final TriggerContext ctx)
    {
        if (window.maxTimestamp() <= ctx.currentWatermark())
        {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        if (ctx.stateBuffer().getLong(ctx.stateOffset() + HAS_NEXT_OFFSET) == 0)
        {
            registerNext(timestamp - Math.floorMod(timestamp, interval), window, ctx);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(final long time, final Window window, final TriggerContext ctx)
    {
        if (time == window.maxTimestamp())
        {
            return TriggerResult.FIRE;
        }
        final MutableDirectBuffer state = ctx.stateBuffer();
        final int offset = ctx.stateOffset();
        if (state.getLong(offset + HAS_NEXT_OFFSET) != 0 && state.getLong(offset + NEXT_FIRE_OFFSET) == time)
        {
            registerNext(time, window, ctx);
            return TriggerResult.FIRE;
        }
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
        if (source.getLong(sourceOffset + HAS_NEXT_OFFSET) == 0)
        {
            return;
        }
        final long sourceNext = source.getLong(sourceOffset + NEXT_FIRE_OFFSET);
        if (target.getLong(targetOffset + HAS_NEXT_OFFSET) == 0 || sourceNext < target.getLong(targetOffset + NEXT_FIRE_OFFSET))
        {
            target.putLong(targetOffset + HAS_NEXT_OFFSET, 1);
            target.putLong(targetOffset + NEXT_FIRE_OFFSET, sourceNext);
        }
    }

    @Override
    public void onMerge(final Window window, final TriggerContext ctx)
    {
        if (ctx.stateBuffer().getLong(ctx.stateOffset() + HAS_NEXT_OFFSET) != 0)
        {
            ctx.registerEventTimeTimer(ctx.stateBuffer().getLong(ctx.stateOffset() + NEXT_FIRE_OFFSET));
        }
    }

    @Override
    public void clear(final Window window, final TriggerContext ctx)
    {
        final MutableDirectBuffer state = ctx.stateBuffer();
        final int offset = ctx.stateOffset();
        if (state.getLong(offset + HAS_NEXT_OFFSET) != 0)
        {
            ctx.deleteEventTimeTimer(state.getLong(offset + NEXT_FIRE_OFFSET));
        }
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    private void registerNext(final long from, final Window window, final TriggerContext ctx)
    {
        final long next = Math.min(Timestamps.saturatingAdd(from, interval), window.maxTimestamp());
        ctx.stateBuffer().putLong(ctx.stateOffset() + HAS_NEXT_OFFSET, 1);
        ctx.stateBuffer().putLong(ctx.stateOffset() + NEXT_FIRE_OFFSET, next);
        ctx.registerEventTimeTimer(next);
    }

    @Override
    public String toString()
    {
        return "eventTimeWithEarlyFirings(" + interval + ")";
    }
}
