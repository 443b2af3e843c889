package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;
import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.time.Duration;

/**
 * Nexmark Q1, Q2, Q5 and Q7 as Flink DataStream jobs, each computing exactly what the Ringflow query of the
 * same name in {@code io.ringflow.perf.nexmark} computes, with the same constants. A plan only: the
 * functions are in {@link FlinkFunctions}.
 * <pre>
 *   Q1: events ──► filter(bid) ──► map(copy, price * 908 / 1000)                                   (one chained task)
 *   Q2: events ──► filter(bid, auction % 123 == 0)                                                  (one chained task)
 *   Q5: events ──► filter(bid) ──► map(auction, price) ═keyBy(auction)═► sliding 10 s / 2 s, count per auction
 *           ═keyBy(window end)═► tumbling 2 s, max(count &lt;&lt; 32 | auction)                       (three tasks)
 *   Q7: events ──► filter(bid) ──► map(auction, price) ═windowAll═► tumbling 10 s, max(price &lt;&lt; 32 | auction)
 * </pre>
 * ({@code ═►} is a network edge: Flink never chains across a {@code keyBy}, so records there are serialised
 * into buffers, flushed when full or after the buffer timeout.) Windows aggregate incrementally
 * ({@code AggregateFunction}), as Ringflow's do, and a window result carries Flink's usual timestamp
 * {@code windowEnd - 1}, which is Ringflow's too. Q5's second window sees exactly one sliding window's counts
 * per tumbling window, for the reason {@link Q5HotItems} gives.
 * <p>
 * Threading: builds a plan on the caller's thread; the functions run on Flink's task threads.
 */
final class FlinkQueries
{
    private static final TypeInformation<PeerEvent> EVENT = TypeInformation.of(PeerEvent.class);
    private static final TypeInformation<Bid> BID = TypeInformation.of(Bid.class);
    private static final TypeInformation<AuctionCount> AUCTION_COUNT = TypeInformation.of(AuctionCount.class);
    private static final TypeInformation<WindowMaxRecord> WINDOW_MAX = TypeInformation.of(WindowMaxRecord.class);

    private FlinkQueries()
    {
    }

    /**
     * @param query  the query.
     * @param events the source.
     * @return the query's job on the source, up to its results.
     */
    static DataStream<? extends ResultRecord> of(final PeerQuery query, final DataStream<PeerEvent> events)
    {
        return switch (query)
        {
            case Q1 -> q1(events);
            case Q2 -> q2(events);
            case Q5 -> q5(events);
            case Q7 -> q7(events);
        };
    }

    /**
     * @param events the source.
     * @return Q1: every bid, price in euro cents ({@link Q1CurrencyConversion#toEuroCents}).
     */
    static DataStream<PeerEvent> q1(final DataStream<PeerEvent> events)
    {
        return events.filter(PeerEvent::isBid).name("q1-bids")
            .map(PeerEvent::toEuros, EVENT).name("q1-euros");
    }

    /**
     * @param events the source.
     * @return Q2: the bids on auctions whose id is a multiple of {@value Q2Selection#AUCTION_MODULUS}.
     */
    static DataStream<PeerEvent> q2(final DataStream<PeerEvent> events)
    {
        return events.filter(PeerEvent::selects).name("q2-selection");
    }

    /**
     * @param events the source.
     * @return Q5: per sliding window that holds a bid, the auction with the most bids (ties: the larger id).
     */
    static DataStream<WindowMaxRecord> q5(final DataStream<PeerEvent> events)
    {
        return bids(events, "q5")
            .keyBy(bid -> bid.auction, Types.LONG)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(Q5HotItems.SIZE_MS), Duration.ofMillis(Q5HotItems.SLIDE_MS)))
            .aggregate(new FlinkFunctions.CountBids(), new FlinkFunctions.EmitAuctionCount(), Types.LONG, Types.LONG,
                AUCTION_COUNT)
            .name("q5-bid-counts")
            .keyBy(count -> count.windowEnd, Types.LONG)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(Q5HotItems.SLIDE_MS)))
            .aggregate(new FlinkFunctions.MaxCount(), new FlinkFunctions.EmitWindowMax(), Types.LONG, Types.LONG,
                WINDOW_MAX)
            .name("q5-hottest");
    }

    /**
     * @param events the source.
     * @return Q7: per tumbling window that holds a bid, the highest price and its auction (ties: the larger id).
     */
    static DataStream<WindowMaxRecord> q7(final DataStream<PeerEvent> events)
    {
        return bids(events, "q7")
            .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(Q7HighestBid.SIZE_MS)))
            .aggregate(new FlinkFunctions.MaxPrice(), new FlinkFunctions.EmitAllWindowMax(), Types.LONG, Types.LONG,
                WINDOW_MAX)
            .name("q7-highest-bid");
    }

    private static DataStream<Bid> bids(final DataStream<PeerEvent> events, final String query)
    {
        return events.filter(PeerEvent::isBid).name(query + "-bids")
            .map(Bid::of, BID).name(query + "-project");
    }
}
