package io.ringflow.perf.peers;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;

import java.util.function.ToLongFunction;

/**
 * A Ringflow query's output end: each result's {@link ResultHash} and timestamp to a {@link ResultListener}.
 * Nothing leaves through a side output on this workload (no event is late); one would be a bug, so it throws.
 * <p>
 * Threading: the operators' contract: called on the driving thread. Allocates nothing per result.
 *
 * @param <T> the query's result type.
 */
final class RingflowOutput<T> implements Output<T>
{
    private final ToLongFunction<T> hash;
    private final ResultListener listener;

    RingflowOutput(final ToLongFunction<T> hash, final ResultListener listener)
    {
        this.hash = hash;
        this.listener = listener;
    }

    @Override
    public void emit(final T record, final long timestamp)
    {
        listener.onResult(hash.applyAsLong(record), timestamp, record);
    }

    @Override
    public void emitWatermark(final long watermark)
    {
    }

    @Override
    public void emitIdle()
    {
    }

    @Override
    public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
    {
        throw new IllegalStateException("unexpected side output " + tag.name() + ": " + record + " at " + timestamp);
    }
}
