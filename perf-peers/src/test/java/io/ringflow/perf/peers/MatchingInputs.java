package io.ringflow.perf.peers;

/**
 * What the peers' equality tests share about their inputs.
 */
final class MatchingInputs
{
    private MatchingInputs()
    {
    }

    /**
     * A lower bound on a query's results that catches a run which silently produces little: Q1 keeps every bid
     * (46 in 50 events), Q5 fires a window every 2 s of event time and Q7 every 10 s.
     *
     * @param query             the query.
     * @param events            events in the input.
     * @param interEventDelayUs their event-time distance, us.
     * @return results the query must exceed.
     */
    static int expectedAtLeast(final PeerQuery query, final long events, final long interEventDelayUs)
    {
        final long seconds = events * interEventDelayUs / 1_000_000;
        return switch (query)
        {
            case Q1 -> (int)(events / 50 * 46) - 1;
            case Q2 -> 0;
            case Q5 -> (int)(seconds / 2);
            case Q7 -> (int)(seconds / 10);
        };
    }
}
