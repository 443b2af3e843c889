package io.ringflow.operators.window;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Turns every FIRE of the wrapped trigger into FIRE_AND_PURGE: each firing then covers only what
 * arrived since the previous one.
 *
 * @param <T> record type.
 */
final class PurgingTrigger<T> implements Trigger<T>
{
    private final Trigger<T> delegate;

    PurgingTrigger(final Trigger<T> delegate)
    {
        this.delegate = delegate;
    }

    @Override
    public int stateBytes()
    {
        return delegate.stateBytes();
    }

    @Override
    public TriggerResult onElement(final T record, final long timestamp, final Window window, final TriggerContext ctx)
    {
        return purging(delegate.onElement(record, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(final long time, final Window window, final TriggerContext ctx)
    {
        return purging(delegate.onEventTime(time, window, ctx));
    }

    @Override
    public boolean canMerge()
    {
        return delegate.canMerge();
    }

    @Override
    public void mergeState(
        final MutableDirectBuffer target, final int targetOffset, final DirectBuffer source, final int sourceOffset)
    {
        delegate.mergeState(target, targetOffset, source, sourceOffset);
    }

    @Override
    public void onMerge(final Window window, final TriggerContext ctx)
    {
        delegate.onMerge(window, ctx);
    }

    @Override
    public void clear(final Window window, final TriggerContext ctx)
    {
        delegate.clear(window, ctx);
    }

    private static TriggerResult purging(final TriggerResult result)
    {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public String toString()
    {
        return "purging(" + delegate + ")";
    }
}
