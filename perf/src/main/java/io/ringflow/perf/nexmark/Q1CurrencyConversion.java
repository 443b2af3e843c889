package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.stateless.MapOperator;

/**
 * Nexmark Q1, currency conversion: every bid, its price turned from dollars into euros at Nexmark's fixed
 * rate of 0.908. In integer cents, {@code price * 908 / 1000}, rounded toward zero (prices stay below 10^8
 * cents, so the product cannot overflow); other events are dropped.
 * <pre>
 *   ringflow:    events ──► OperatorChain[ FilterOperator (bids) ──► MapOperator (copy, price in euros) ] ──► output
 *   handwritten: events ──► bid? ──► copy into one reused event, price in euros ──► output
 * </pre>
 * Threading: as {@link NexmarkQuery}.
 */
public final class Q1CurrencyConversion
{
    private Q1CurrencyConversion()
    {
    }

    /**
     * @param dollarCents a price in US cents.
     * @return the same price in euro cents, rounded toward zero.
     */
    public static long toEuroCents(final long dollarCents)
    {
        return dollarCents * 908 / 1000;
    }

    /**
     * @param output receives each bid with its price in euros.
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
        return OperatorChain.first(new FilterOperator<>("q1-bids", NexmarkEvent::isBid))
            .then(new MapOperator<NexmarkEvent, NexmarkEvent>("q1-euros",
                (in, out) -> out.copyFrom(in).setPrice(toEuroCents(in.price())), NexmarkEvent::new));
    }

    /**
     * @param output receives each bid with its price in euros.
     * @return the hand-written baseline.
     */
    public static NexmarkQuery handwritten(final Output<NexmarkEvent> output)
    {
        return new Handwritten(output);
    }

    private static final class Handwritten implements NexmarkQuery
    {
        private final Output<NexmarkEvent> output;
        private final NexmarkEvent converted = new NexmarkEvent();

        Handwritten(final Output<NexmarkEvent> output)
        {
            this.output = output;
        }

        @Override
        public void processEvent(final NexmarkEvent event, final long timestamp)
        {
            if (event.isBid())
            {
                output.emit(converted.copyFrom(event).setPrice(toEuroCents(event.price())), timestamp);
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
