package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.WindowMax;

/**
 * Esper subscribers for the {@link EsperQueries#RESULT} statements: Esper calls {@code update} with the selected
 * columns as arguments (no {@code EventBean} per result, Esper's fastest delivery), and each row goes to a
 * {@link ResultListener} hashed and stamped as the equal Ringflow result: a bid at its time, a window at
 * {@code end - 1}. The result object passed on is reused, as Ringflow's is: valid during the call only.
 * <p>
 * Threading: Esper calls a subscriber on the thread that sent the event or advanced the time; here one thread.
 */
public final class EsperResults
{
    private EsperResults()
    {
    }

    /** Q1's and Q2's subscriber: one selected (or converted) bid per call. */
    public static final class Bids
    {
        private final ResultListener listener;
        private final NexmarkEvent bid = new NexmarkEvent();

        Bids(final ResultListener listener)
        {
            this.listener = listener;
        }

        /**
         * @param auction  the auction bid on.
         * @param person   the bidder.
         * @param price    the price, cents (Q1: euro cents).
         * @param dateTime the bid's time, ms.
         */
        public void update(final long auction, final long person, final long price, final long dateTime)
        {
            listener.onResult(ResultHash.event(bid.setBid(auction, person, price, dateTime)), dateTime, bid);
        }
    }

    /** Q5's and Q7's subscriber: one fired window per call. */
    public static final class Windows
    {
        private final ResultListener listener;
        private final WindowMax window = new WindowMax();

        Windows(final ResultListener listener)
        {
            this.listener = listener;
        }

        /**
         * @param windowEnd the window's end, exclusive, ms.
         * @param best      its {@link WindowMax#pack}ed maximum.
         */
        public void update(final long windowEnd, final long best)
        {
            listener.onResult(ResultHash.window(window.set(windowEnd, best)), windowEnd - 1, window);
        }
    }
}
