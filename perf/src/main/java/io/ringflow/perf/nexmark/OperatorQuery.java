package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;

/**
 * A query on Ringflow: an operator (usually a fused {@link io.ringflow.operators.OperatorChain}) opened on
 * the query's output, called exactly as a pipeline stage calls it.
 * <p>
 * Threading: the operators' runtime contract; one thread.
 *
 * @param <R> the query's result type.
 */
final class OperatorQuery<R> implements NexmarkQuery
{
    private final OneInputOperator<NexmarkEvent, R> operator;

    OperatorQuery(final OneInputOperator<NexmarkEvent, R> operator, final Output<R> output)
    {
        this.operator = operator;
        operator.open(output);
    }

    @Override
    public void processEvent(final NexmarkEvent event, final long timestamp)
    {
        operator.processRecord(event, timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        operator.processWatermark(watermark);
    }

    @Override
    public void close()
    {
        operator.close();
    }
}
