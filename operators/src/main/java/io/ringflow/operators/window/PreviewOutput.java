package io.ringflow.operators.window;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;

import java.util.List;

/**
 * Collects what a window would emit, as text, for {@link WindowOperator#describeKey}: a debugging
 * preview that never reaches the operator's real output.
 *
 * @param <R> output type.
 */
final class PreviewOutput<R> implements Output<R>
{
    private final List<String> emitted;

    PreviewOutput(final List<String> emitted)
    {
        this.emitted = emitted;
    }

    @Override
    public void emit(final R record, final long timestamp)
    {
        emitted.add(String.valueOf(record));
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
    }
}
