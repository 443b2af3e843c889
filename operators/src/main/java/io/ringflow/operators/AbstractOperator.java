package io.ringflow.operators;

/**
 * Holds the output and forwards watermarks and idleness unchanged: what a stateless operator needs.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public abstract class AbstractOperator<I, O> implements OneInputOperator<I, O>
{
    /** Where this operator emits; set by {@link #open}. */
    protected Output<O> output;

    @Override
    public void open(final Output<O> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException(getClass().getSimpleName() + " is already open");
        }
        this.output = output;
    }

    @Override
    public void processWatermark(final long watermark)
    {
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }
}
