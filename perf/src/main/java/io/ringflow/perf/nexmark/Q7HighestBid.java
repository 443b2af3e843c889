package io.ringflow.perf.nexmark;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Output;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.stateless.FilterOperator;
import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;

/**
 * Nexmark Q7, highest bid: for every tumbling window of {@value #SIZE_MS} ms, the highest bid's price and
 * auction (ties: the largest auction id). One {@link WindowMax} per window that holds a bid, at time
 * {@code windowEnd - 1}. Nexmark's Q7 returns the whole bid; this one carries price and auction, which is
 * what fits the arg-max packing ({@link WindowMax#pack}); the bidder and time are not kept.
 * <pre>
 *   ringflow:    events ──► OperatorChain[ FilterOperator (bids)
 *                    ──► WindowOperator (one key, tumbling 10 s, max(price, auction)) ──► MapOperator (unpack) ] ──► output
 *   handwritten: events ──► bid? ──► max into the window's slot of a ring of 4 ──► watermark past the end? emit
 * </pre>
 * Threading: as {@link NexmarkQuery}.
 */
public final class Q7HighestBid
{
    /** Window size, ms. */
    public static final long SIZE_MS = 10_000;
    /** A 4 s bound keeps at most two 10 s windows open; four leave room, and a clash is detected. */
    static final int RING = 4;
    private static final long EMPTY = Long.MIN_VALUE;

    private Q7HighestBid()
    {
    }

    /**
     * @param output receives one result per window.
     * @return the query on Ringflow's operators.
     */
    public static NexmarkQuery ringflow(final Output<WindowMax> output)
    {
        return new OperatorQuery<>(chain(), output);
    }

    /**
     * @return the query's fused operator chain, not opened: what a pipeline stage runs (one per stage).
     */
    public static OneInputOperator<NexmarkEvent, WindowMax> chain()
    {
        // One key for the whole stream: Q7 is a global (non-keyed) window.
        final WindowOperator<NexmarkEvent, WindowResult> highest = WindowOperator.<NexmarkEvent>keyed("q7-highest-bid", bid -> 0L)
            .window(Windows.tumbling(SIZE_MS))
            .aggregate(Aggregates.<NexmarkEvent>max(bid -> WindowMax.pack(bid.price(), bid.auction())));
        return OperatorChain.first(new FilterOperator<>("q7-bids", NexmarkEvent::isBid))
            .then(highest)
            .then(new MapOperator<WindowResult, WindowMax>("q7-result", (in, out) -> out.set(in.end(), in.longValue(0)),
                WindowMax::new));
    }

    /**
     * @param output receives one result per window.
     * @return the hand-written baseline.
     */
    public static NexmarkQuery handwritten(final Output<WindowMax> output)
    {
        return new Handwritten(output);
    }

    private static final class Handwritten implements NexmarkQuery
    {
        private final Output<WindowMax> output;
        private final WindowMax result = new WindowMax();
        private final WindowEnds ends = new WindowEnds(SIZE_MS, RING);
        private final long[] best = {EMPTY, EMPTY, EMPTY, EMPTY};
        private final long[] endOfSlot = new long[RING];
        private long watermark = Timestamps.MIN_WATERMARK;

        Handwritten(final Output<WindowMax> output)
        {
            this.output = output;
        }

        @Override
        public void processEvent(final NexmarkEvent event, final long timestamp)
        {
            if (!event.isBid())
            {
                return;
            }
            final long end = timestamp - Math.floorMod(timestamp, SIZE_MS) + SIZE_MS;
            if (end - 1 <= watermark)
            {
                return;     // late: Ringflow rejects it to a side output; the workload has none
            }
            final int slot = ends.slot(end);
            final long packed = WindowMax.pack(event.price(), event.auction());
            if (best[slot] == EMPTY)
            {
                endOfSlot[slot] = end;
                ends.opened(end);
                best[slot] = packed;
            }
            else if (endOfSlot[slot] != end)
            {
                throw new IllegalStateException("windows ending at " + endOfSlot[slot] + " and " + end +
                    " share a ring slot: input further out of order than the ring allows");
            }
            else if (packed > best[slot])
            {
                best[slot] = packed;
            }
        }

        @Override
        public void processWatermark(final long watermark)
        {
            this.watermark = watermark;
            while (ends.hasDue(watermark))
            {
                final long end = ends.takeDue();
                final int slot = ends.slot(end);
                if (best[slot] != EMPTY)
                {
                    final long packed = best[slot];
                    best[slot] = EMPTY;
                    output.emit(result.set(end, packed), end - 1);
                }
            }
            output.emitWatermark(watermark);
        }

        @Override
        public void close()
        {
        }
    }
}
