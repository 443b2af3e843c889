package io.ringflow.perf.peers;

/**
 * A bid projected to what Q5 and Q7 read, before it crosses the {@code keyBy} to the window operator: Flink
 * serialises every record that crosses it, so a job carries the two fields rather than all nine of
 * {@link PeerEvent} (what a Flink user would write, and the cheaper choice for Flink). A Flink POJO.
 * <p>
 * Threading: not thread-safe; Flink hands a record to one operator at a time.
 */
public class Bid
{
    /** The auction bid on. */
    public long auction;
    /** The bid, cents. */
    public long price;

    /** For Flink's POJO serializer. */
    public Bid()
    {
    }

    /**
     * @param event a bid.
     * @return its auction and price.
     */
    public static Bid of(final PeerEvent event)
    {
        final Bid bid = new Bid();
        bid.auction = event.auction;
        bid.price = event.price;
        return bid;
    }
}
