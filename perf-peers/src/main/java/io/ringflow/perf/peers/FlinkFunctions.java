package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.WindowMax;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The functions of {@link FlinkQueries}' jobs. The per-record ones reuse the Ringflow queries' own
 * definitions ({@link PeerEvent#toEuros}, {@link WindowMax#pack}), so the engines cannot drift apart on a
 * constant. Window functions aggregate into a boxed {@code Long}, Flink's ordinary way; the
 * accumulator lives in Flink's heap state backend.
 * <p>
 * Threading: Flink's contract: one instance per subtask, never called concurrently.
 */
final class FlinkFunctions
{
    private FlinkFunctions()
    {
    }

    /** Q5's first window: bids per auction. */
    static final class CountBids implements AggregateFunction<Bid, Long, Long>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator()
        {
            return 0L;
        }

        @Override
        public Long add(final Bid bid, final Long count)
        {
            return count + 1;
        }

        @Override
        public Long getResult(final Long count)
        {
            return count;
        }

        @Override
        public Long merge(final Long a, final Long b)
        {
            return a + b;
        }
    }

    /** Q5's first window's result: the auction (the key), its count and the window's end. */
    static final class EmitAuctionCount extends ProcessWindowFunction<Long, AuctionCount, Long, TimeWindow>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(final Long auction, final Context context, final Iterable<Long> counts,
            final Collector<AuctionCount> out)
        {
            out.collect(new AuctionCount(auction, counts.iterator().next(), context.window().getEnd()));
        }
    }

    /** An arg-max over {@link WindowMax#pack}ed longs; subclasses say what is packed. */
    abstract static class PackedMax<T> implements AggregateFunction<T, Long, Long>
    {
        private static final long serialVersionUID = 1L;

        abstract long pack(T record);

        @Override
        public Long createAccumulator()
        {
            return Long.MIN_VALUE;
        }

        @Override
        public Long add(final T record, final Long best)
        {
            return Math.max(best, pack(record));
        }

        @Override
        public Long getResult(final Long best)
        {
            return best;
        }

        @Override
        public Long merge(final Long a, final Long b)
        {
            return Math.max(a, b);
        }
    }

    /** Q5's second window: the largest count, ties to the larger auction. */
    static final class MaxCount extends PackedMax<AuctionCount>
    {
        private static final long serialVersionUID = 1L;

        @Override
        long pack(final AuctionCount count)
        {
            return WindowMax.pack(count.count, count.auction);
        }
    }

    /** Q7's window: the highest price, ties to the larger auction. */
    static final class MaxPrice extends PackedMax<Bid>
    {
        private static final long serialVersionUID = 1L;

        @Override
        long pack(final Bid bid)
        {
            return WindowMax.pack(bid.price, bid.auction);
        }
    }

    /** Q5's result: the keyed window's maximum, unpacked, with the window's end. */
    static final class EmitWindowMax extends ProcessWindowFunction<Long, WindowMaxRecord, Long, TimeWindow>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(final Long windowEnd, final Context context, final Iterable<Long> best,
            final Collector<WindowMaxRecord> out)
        {
            out.collect(WindowMaxRecord.of(context.window().getEnd(), best.iterator().next()));
        }
    }

    /** Q7's result: the window's maximum, unpacked, with the window's end. */
    static final class EmitAllWindowMax extends ProcessAllWindowFunction<Long, WindowMaxRecord, TimeWindow>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(final Context context, final Iterable<Long> best, final Collector<WindowMaxRecord> out)
        {
            out.collect(WindowMaxRecord.of(context.window().getEnd(), best.iterator().next()));
        }
    }
}
