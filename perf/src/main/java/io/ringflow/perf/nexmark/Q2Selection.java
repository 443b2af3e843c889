package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.stateless.FilterOperator;

/**
 * Nexmark Q2, selection: the bids on auctions whose id is a multiple of {@value #AUCTION_MODULUS}. The bid
 * goes out whole (Nexmark projects it to auction and price; a projection here would only copy fields).
 * <pre>
 *   ringflow:    events ──► OperatorChain[ FilterOperator (bid, auction % 123 == 0) ] ──► output
 *   handwritten: events ──► bid, auction % 123 == 0? ──► output
 * </pre>
 * Threading: as {@link NexmarkQuery}.
 */
public final class Q2Selection
{
    /** Nexmark's modulus: about 1 bid in 123 is kept, fewer where a hot auction is not a multiple. */
    public static final long AUCTION_MODULUS = 123;

    private Q2Selection()
    {
    }

    /**
     * @param event an event.
     * @return true if Q2 keeps it.
     */
    public static boolean selects(final NexmarkEvent event)
    {
        return event.isBid() && event.auction() % AUCTION_MODULUS == 0;
    }

    /**
     * @param output receives the selected bids.
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
        return OperatorChain.first(new FilterOperator<>("q2-selection", Q2Selection::selects));
    }

    /**
     * @param output receives the selected bids.
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
            if (selects(event))
            {
                output.emit(event, timestamp);
            }
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
