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
 * Nexmark Q5, hot items: for every sliding window of {@value #SIZE_MS} ms advancing by {@value #SLIDE_MS} ms,
 * the auction with the most bids, and that count (ties: the largest auction id). One {@link WindowMax} per
 * window that holds a bid, at time {@code windowEnd - 1}.
 * <pre>
 *   ringflow: events ──► OperatorChain[
 *       FilterOperator (bids)
 *       ──► WindowOperator keyed by auction, sliding 10 s / 2 s, count         one result per (auction, window)
 *       ──► WindowOperator keyed by window end, tumbling 2 s, max(count, id)   one result per window
 *       ──► MapOperator (unpack) ] ──► output
 * </pre>
 * The second window works because a sliding window {@code [E - 10 s, E)} emits its counts at {@code E - 1},
 * which falls in the tumbling window {@code [E - 2 s, E)}, and the first operator emits them before it
 * forwards the watermark that fires the second: every count arrives in time, and each tumbling window sees
 * exactly one sliding window's counts.
 * <p>
 * The hand-written baseline counts bids per auction in one {@link LongCountMap} per open window end (a ring
 * of {@value #RING} of them; a bid increments the five windows that hold it) and, when the watermark passes a
 * window's end, scans its entries for the maximum and clears them.
 * <p>
 * Threading: as {@link NexmarkQuery}.
 */
public final class Q5HotItems
{
    /** Window size, ms. */
    public static final long SIZE_MS = 10_000;
    /** Window slide, ms. */
    public static final long SLIDE_MS = 2_000;
    /** Presizing: a 10 s window at 10,000 events/s holds bids on about 6,000 auctions; with room. */
    static final int EXPECTED_AUCTIONS = 16_384;
    /**
     * Ring of per-window tables: a 4 s bound keeps at most (10 s + 4 s) / 2 s + 1 = 8 window ends open; 16
     * leaves room for a looser bound, and a clash is detected.
     */
    static final int RING = 16;

    private Q5HotItems()
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
        final WindowOperator<NexmarkEvent, WindowResult> bidCounts = WindowOperator.keyed("q5-bid-counts", NexmarkEvent::auction)
            .window(Windows.sliding(SIZE_MS, SLIDE_MS))
            .expectedKeys(EXPECTED_AUCTIONS)
            .panes()   // one count per auction and 2 s pane: a bid updates one slot, not five
            .aggregate(Aggregates.<NexmarkEvent>count());
        final WindowOperator<WindowResult, WindowResult> hottest = WindowOperator.keyed("q5-hottest", WindowResult::end)
            .window(Windows.tumbling(SLIDE_MS))
            .aggregate(Aggregates.<WindowResult>max(count -> WindowMax.pack(count.longValue(0), count.key())));
        return OperatorChain.first(new FilterOperator<>("q5-bids", NexmarkEvent::isBid))
            .then(bidCounts)
            .then(hottest)
            .then(new MapOperator<WindowResult, WindowMax>("q5-result", (in, out) -> out.set(in.key(), in.longValue(0)),
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
        private final WindowEnds ends = new WindowEnds(SLIDE_MS, RING);
        private final LongCountMap[] counts = new LongCountMap[RING];
        private final long[] endOfSlot = new long[RING];
        private long watermark = Timestamps.MIN_WATERMARK;

        Handwritten(final Output<WindowMax> output)
        {
            this.output = output;
            for (int i = 0; i < RING; i++)
            {
                counts[i] = new LongCountMap(EXPECTED_AUCTIONS);
            }
        }

        @Override
        public void processEvent(final NexmarkEvent event, final long timestamp)
        {
            if (!event.isBid())
            {
                return;
            }
            // The windows holding t start at the multiples of the slide in (t - size, t]; the latest ends first.
            final long lastEnd = timestamp - Math.floorMod(timestamp, SLIDE_MS) + SIZE_MS;
            for (long end = lastEnd; end > timestamp && end - 1 > watermark; end -= SLIDE_MS)
            {
                countIn(end, event.auction());
            }
        }

        private void countIn(final long end, final long auction)
        {
            final int slot = ends.slot(end);
            final LongCountMap window = counts[slot];
            if (window.size() == 0)
            {
                endOfSlot[slot] = end;
                ends.opened(end);
            }
            else if (endOfSlot[slot] != end)
            {
                throw new IllegalStateException("windows ending at " + endOfSlot[slot] + " and " + end +
                    " share a ring slot: input further out of order than the ring allows");
            }
            window.increment(auction);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            this.watermark = watermark;
            while (ends.hasDue(watermark))
            {
                fire(ends.takeDue());
            }
            output.emitWatermark(watermark);
        }

        private void fire(final long end)
        {
            final LongCountMap window = counts[ends.slot(end)];
            if (window.size() == 0)
            {
                return;
            }
            long best = Long.MIN_VALUE;
            for (int i = 0, n = window.size(); i < n; i++)
            {
                best = Math.max(best, WindowMax.pack(window.count(i), window.key(i)));
            }
            window.clear();
            output.emit(result.set(end, best), end - 1);
        }

        @Override
        public void close()
        {
        }
    }
}
