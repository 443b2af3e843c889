package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkQuery;
import io.ringflow.perf.nexmark.Q1CurrencyConversion;
import io.ringflow.perf.nexmark.Q2Selection;
import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The queries built on both engines: each pairs the Ringflow query of {@code io.ringflow.perf.nexmark} with its
 * Flink job in {@link FlinkQueries}, and says how both engines' results are hashed.
 * <p>
 * The semantics coincide exactly on this workload, so outputs are compared for equality, record by record in
 * the tests and by {@link Fingerprint} in the measurement: same events in the same order; windows aligned to
 * epoch 0 on both; a window fires when the watermark reaches {@code end - 1} and its result is stamped
 * {@code end - 1} on both; both watermarks are {@code maxTimestamp - 4000 - 1} (Ringflow's after every event
 * that advances it, Flink's every 200 ms of wall time, so Flink's lags: this changes when windows fire, not
 * what they hold, because no event of this input is late under either); and at the end of the input both
 * engines fire every open window (Ringflow's driver sends the end-of-stream watermark, Flink's bounded source
 * ends with {@code Long.MAX_VALUE}). What differs is representation only: Ringflow's Q1 rewrites one reused
 * event, Flink allocates a new record per result and per event.
 * <p>
 * Threading: stateless constants.
 */
public enum PeerQuery
{
    /** Currency conversion: every bid, price in euro cents. */
    Q1("currency conversion")
    {
        @Override
        NexmarkQuery ringflow(final ResultListener listener)
        {
            return Q1CurrencyConversion.ringflow(new RingflowOutput<>(ResultHash::event, listener));
        }

        @Override
        DataStream<? extends ResultRecord> flink(final DataStream<FlinkEvent> events)
        {
            return FlinkQueries.q1(events);
        }
    },
    /** Selection: bids on auctions whose id is a multiple of 123. */
    Q2("selection")
    {
        @Override
        NexmarkQuery ringflow(final ResultListener listener)
        {
            return Q2Selection.ringflow(new RingflowOutput<>(ResultHash::event, listener));
        }

        @Override
        DataStream<? extends ResultRecord> flink(final DataStream<FlinkEvent> events)
        {
            return FlinkQueries.q2(events);
        }
    },
    /** Hot items: per sliding 10 s / 2 s window, the auction with the most bids. */
    Q5("hot items")
    {
        @Override
        NexmarkQuery ringflow(final ResultListener listener)
        {
            return Q5HotItems.ringflow(new RingflowOutput<>(ResultHash::window, listener));
        }

        @Override
        DataStream<? extends ResultRecord> flink(final DataStream<FlinkEvent> events)
        {
            return FlinkQueries.q5(events);
        }
    },
    /** Highest bid: per tumbling 10 s window, the highest price and its auction. */
    Q7("highest bid")
    {
        @Override
        NexmarkQuery ringflow(final ResultListener listener)
        {
            return Q7HighestBid.ringflow(new RingflowOutput<>(ResultHash::window, listener));
        }

        @Override
        DataStream<? extends ResultRecord> flink(final DataStream<FlinkEvent> events)
        {
            return FlinkQueries.q7(events);
        }
    };

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

    /**
     * @param listener receives every result.
     * @return the Ringflow query (a fused operator chain), open.
     */
    abstract NexmarkQuery ringflow(ResultListener listener);

    /**
     * @param events the job's source.
     * @return the job's results.
     */
    abstract DataStream<? extends ResultRecord> flink(DataStream<FlinkEvent> events);
}
