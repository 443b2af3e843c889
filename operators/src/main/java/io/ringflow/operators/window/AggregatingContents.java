package io.ringflow.operators.window;

import io.ringflow.operators.Output;
import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** The window slot holds the aggregate's accumulator; firing fills one reused {@link WindowResult}. */
final class AggregatingContents<T> implements WindowContentsHandler<T, WindowResult>
{
    private final AggregateFunction<T> function;
    private final WindowResult result;
    private final int slotBytes;

    AggregatingContents(final AggregateFunction<T> function)
    {
        this.function = function;
        this.result = new WindowResult(function.resultSlots());
        this.slotBytes = (function.accumulatorBytes() + 7) & ~7;
    }

    @Override
    public int slotBytes()
    {
        return slotBytes;
    }

    @Override
    public boolean mergesExactly()
    {
        return function.mergesExactly();
    }

    @Override
    public void reset(final MutableDirectBuffer buffer, final int offset)
    {
        function.reset(buffer, offset);
    }

    @Override
    public void add(final T record, final long timestamp, final MutableDirectBuffer buffer, final int offset)
    {
        function.add(record, timestamp, buffer, offset);
    }

    @Override
    public void merge(
        final MutableDirectBuffer target, final int targetOffset, final DirectBuffer source, final int sourceOffset)
    {
        function.merge(target, targetOffset, source, sourceOffset);
    }

    @Override
    public void emit(
        final long key,
        final Window window,
        final FiringKind kind,
        final DirectBuffer buffer,
        final int offset,
        final Output<WindowResult> output,
        final long timestamp)
    {
        result.set(key, window.start(), window.end(), kind);
        function.result(buffer, offset, result, 0);
        output.emit(result, timestamp);
    }

    @Override
    public void release(final DirectBuffer buffer, final int offset)
    {
    }

    @Override
    public long memoryBytes()
    {
        return 0;
    }

    @Override
    public void snapshot(final SnapshotWriter out)
    {
    }

    @Override
    public void restore(final SnapshotReader in)
    {
    }

    @Override
    public void close()
    {
    }
}
