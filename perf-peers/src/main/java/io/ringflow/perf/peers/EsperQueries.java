package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;

/**
 * Nexmark Q1, Q2, Q5 and Q7 in Esper's EPL, each computing what the Ringflow query of the same name computes,
 * with the same constants (the Ringflow queries' own methods and fields are called from EPL); the statement named
 * {@value #RESULT} delivers the results. {@code Event} is {@link PeerEvent}, read through its public fields.
 * <pre>
 *   Q1: select auction, person, Q1CurrencyConversion.toEuroCents(price) as price, dateTime from Event(kind = BID)
 *   Q2: select auction, person, price, dateTime from Event(kind = BID and auction % 123 = 0)
 *   Q5: table Q5Counts (windowEnd, auction primary keys; count(*)), filled by five statements, the k-th counting
 *       each bid into the k-th of the five 10 s windows that hold it (ends at the next multiple of 2 s after its
 *       time, and the four after that); every 2 s of the clock, on-select the windows that have ended: per window
 *       end, max(pack(count, auction)), then delete their rows
 *   Q7: table Q7Max (windowEnd primary key; maxever(long)), filled with pack(price, auction) per 10 s window end;
 *       every 10 s of the clock, on-select the windows that have ended, then delete their rows
 * </pre>
 * Why tables and not Esper's windows: Esper's time windows ({@code #time_batch}, {@code #time}, contexts over
 * time) put an event in the window that is open when it arrives, by the runtime's clock, while Nexmark's events
 * arrive up to 4 s out of time order: even with the clock at the largest event time so far (the kindest choice),
 * 19.8% of the bids of 200,000 events would land in another 10 s window than their event time's, and 74.3% in
 * another 2 s slide ({@code EsperMatchesRingflowTest} counts them), so nearly every Q5 and Q7 result would differ.
 * Esper has no watermark; these statements assign a bid to windows by its own time, in aggregating tables keyed by
 * window end, and emit a window when the runtime's clock, which {@link EsperEngine} drives as Ringflow's watermark
 * plus one, reaches its end: that is Ringflow's firing rule (watermark {@code >= end - 1}) and gives Ringflow's
 * results. The clock patterns ({@code timer:at} every 2 or 10 s of UTC seconds) fire at multiples of the slide
 * since epoch 0, where the windows end.
 * <p>
 * Threading: constants.
 */
final class EsperQueries
{
    /** The name of each module's result statement. */
    static final String RESULT = "result";

    private static final String BIDS = "Event(kind = PeerEvent.BID)";

    private EsperQueries()
    {
    }

    /**
     * @param query the query.
     * @return its EPL module.
     */
    static String epl(final PeerQuery query)
    {
        return switch (query)
        {
            case Q1 -> "@name('" + RESULT + "') select auction, person, Q1CurrencyConversion.toEuroCents(price) as price, " +
                "dateTime from " + BIDS + ";";
            case Q2 -> "@name('" + RESULT + "') select auction, person, price, dateTime from " +
                "Event(kind = PeerEvent.BID and auction % Q2Selection.AUCTION_MODULUS = 0);";
            case Q5 -> q5();
            case Q7 -> "create table Q7Max (windowEnd long primary key, best maxever(long));\n" +
                "into table Q7Max select maxever(WindowMax.pack(price, auction)) as best from " + BIDS +
                " group by " + windowEnd(Q7HighestBid.SIZE_MS, 0) + ";\n" +
                fireEvery(Q7HighestBid.SIZE_MS) + " insert into Q7Fired select windowEnd, best from Q7Max " +
                "where windowEnd <= current_timestamp();\n" +
                "on Q7Fired as fired delete from Q7Max as highest where highest.windowEnd = fired.windowEnd;";
        };
    }

    private static String q5()
    {
        final StringBuilder epl = new StringBuilder(
            "create table Q5Counts (windowEnd long primary key, auction long primary key, bids count(*));\n");
        for (long later = 0; later < Q5HotItems.SIZE_MS; later += Q5HotItems.SLIDE_MS)
        {
            epl.append("into table Q5Counts select count(*) as bids from ").append(BIDS)
                .append(" group by ").append(windowEnd(Q5HotItems.SLIDE_MS, later)).append(", auction;\n");
        }
        return epl.append("create index Q5CountsByEnd on Q5Counts (windowEnd btree);\n")
            .append(fireEvery(Q5HotItems.SLIDE_MS))
            .append(" insert into Q5Fired select windowEnd, max(WindowMax.pack(bids, auction)) as best from Q5Counts ")
            .append("where windowEnd <= current_timestamp() group by windowEnd;\n")
            .append("on Q5Fired as fired delete from Q5Counts as counts where counts.windowEnd = fired.windowEnd;").toString();
    }

    // Why select, then delete what was selected (not "on ... select and delete"): that throws in Esper 9.0 when no
    // row matches (OnExprViewTableSelect deletes from a null array), which is every firing where no window has ended.
    // The delete is triggered by the select's own output, so it cannot run first.

    // The first multiple of the slide after the bid's time, plus `later`: times are positive, so % is floorMod.
    private static String windowEnd(final long slideMs, final long laterMs)
    {
        return "dateTime - dateTime % " + slideMs + " + " + (slideMs + laterMs);
    }

    private static String fireEvery(final long periodMs)
    {
        if (periodMs % 1000 != 0 || 60_000 % periodMs != 0)
        {
            throw new IllegalArgumentException("a timer:at period must divide a minute in whole seconds: " + periodMs);
        }
        return "@name('" + RESULT + "') on pattern [every timer:at(*, *, *, *, *, */" + periodMs / 1000 + ", 'UTC')]";
    }
}
