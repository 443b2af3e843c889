package io.ringflow.perf.peers;

/**
 * Q5's intermediate result: bids on one auction in the sliding window ending at {@link #windowEnd}. A Flink
 * POJO, keyed by window end for the second window.
 * <p>
 * Threading: not thread-safe; Flink hands a record to one operator at a time.
 */
public class AuctionCount
{
    /** The auction. */
    public long auction;
    /** Bids on it in the window. */
    public long count;
    /** The sliding window's end, exclusive, ms. */
    public long windowEnd;

    /** For Flink's POJO serializer. */
    public AuctionCount()
    {
    }

    /**
     * @param auction   the auction.
     * @param count     bids on it.
     * @param windowEnd the window's end, exclusive, ms.
     */
    public AuctionCount(final long auction, final long count, final long windowEnd)
    {
        this.auction = auction;
        this.count = count;
        this.windowEnd = windowEnd;
    }
}
