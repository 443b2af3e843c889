package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.stateless.FilterOperator;

/**
 * Nexmark Q0, pass-through: every event goes out unchanged. It measures the floor cost of a query: reading
 * the input, the watermark, and handing records to the output.
 * <pre>
 *   ringflow:    events ──► OperatorChain[ FilterOperator (keep all) ] ──► output
 *   handwritten: events ──► output
 * </pre>
 * Ringflow needs at least one operator in a chain; a keep-everything filter is the cheapest one that passes
 * the record itself on. Threading: as {@link NexmarkQuery}.
 */
public final class Q0PassThrough
{
    private Q0PassThrough()
    {
    }

    /**
     * @param output receives every event.
     * @return the query on Ringflow's operators.
     */
    public static NexmarkQuery ringflow(final Output<NexmarkEvent> output)
    {
        return new OperatorQuery<>(chain(), output);
    }

    /**
     * @return the query's fused operator chain, not opened: what a pipeline stage runs (one per stage).
     */
    public static OneInputOperator<NexmarkEvent, NexmarkEvent> chain()
    {
        return OperatorChain.first(new FilterOperator<NexmarkEvent>("q0-pass-through", event -> true));
    }

    /**
     * @param output receives every event.
     * @return the hand-written baseline.
     */
    public static NexmarkQuery handwritten(final Output<NexmarkEvent> output)
    {
        return new Handwritten(output);
    }

    private static final class Handwritten implements NexmarkQuery
    {
        private final Output<NexmarkEvent> output;

        Handwritten(final Output<NexmarkEvent> output)
        {
            this.output = output;
        }

        @Override
        public void processEvent(final NexmarkEvent event, final long timestamp)
        {
            output.emit(event, timestamp);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            output.emitWatermark(watermark);
        }

        @Override
        public void close()
        {
        }
    }
}
