package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkQuery;
import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;
import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;

/**
 * The Nexmark queries run on Ringflow and on the peers: each names the Ringflow query of
 * {@code io.ringflow.perf.nexmark} that the peers' versions ({@link FlinkQueries}, {@link KafkaQueries},
 * {@link EsperQueries}) must match, result for result, and says how its results are hashed ({@link ResultHash}).
 * <p>
 * What every version computes, on the same events in the same order: Q1 and Q2 emit one result per selected
 * bid, stamped with the bid's time; Q5 and Q7 emit one result per event-time window that holds a bid (windows
 * aligned to epoch 0), stamped {@code end - 1}, once, after no event can change it any more (Ringflow: the
 * watermark {@code maxTimestamp - 4000 - 1} reaches {@code end - 1}), and at the end of the input every window
 * still open is emitted. How each peer gets there, and where its firing times differ (never its results), is in
 * its engine's documentation.
 * <p>
 * Threading: stateless constants.
 */
public enum PeerQuery
{
    /** Currency conversion: every bid, price in euro cents. */
    Q1("currency conversion"),
    /** Selection: bids on auctions whose id is a multiple of 123. */
    Q2("selection"),
    /** Hot items: per sliding 10 s / 2 s window, the auction with the most bids. */
    Q5("hot items"),
    /** Highest bid: per tumbling 10 s window, the highest price and its auction. */
    Q7("highest bid");

    private final String title;

    PeerQuery(final String title)
    {
        this.title = title;
    }

    /** @return what the query computes, in a few words. */
    public String title()
    {
        return title;
    }

    /** @return true for the queries whose results are windows (Q5, Q7) rather than events. */
    public boolean windowed()
    {
        return this == Q5 || this == Q7;
    }

    /**
     * @param listener receives every result.
     * @return the Ringflow query (a fused operator chain), open.
     */
    NexmarkQuery ringflow(final ResultListener listener)
    {
        return switch (this)
        {
            case Q1 -> Q1CurrencyConversion.ringflow(new RingflowOutput<>(ResultHash::event, listener));
            case Q2 -> Q2Selection.ringflow(new RingflowOutput<>(ResultHash::event, listener));
            case Q5 -> Q5HotItems.ringflow(new RingflowOutput<>(ResultHash::window, listener));
            case Q7 -> Q7HighestBid.ringflow(new RingflowOutput<>(ResultHash::window, listener));
        };
    }
}
