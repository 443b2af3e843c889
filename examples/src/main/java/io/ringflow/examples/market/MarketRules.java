package io.ringflow.examples.market;

/**
 * The thresholds of the market rules, validated once: a spread is wide above {@code wideSpreadBp} basis
 * points of the mid, and a price move alerts above {@code moveBp} basis points within {@code moveWithinUs}
 * of event time. Immutable; safe to share between threads.
 */
public final class MarketRules
{
    /** Spreads wider than this (bp of the mid) flag the trades printed on them. */
    public static final long DEFAULT_WIDE_SPREAD_BP = 25;
    /** Moves of more than this (bp) alert... */
    public static final long DEFAULT_MOVE_BP = 50;
    /** ...when they happen within this much event time (0.5 s). */
    public static final long DEFAULT_MOVE_WITHIN_US = 500_000;

    private final long wideSpreadBp;
    private final long moveBp;
    private final long moveWithinUs;

    /**
     * @param wideSpreadBp spread threshold, bp of the mid, {@code > 0}.
     * @param moveBp       move threshold, bp of the reference price, {@code > 0}.
     * @param moveWithinUs how close in event time a move's two trades must be, µs, {@code > 0}.
     */
    public MarketRules(final long wideSpreadBp, final long moveBp, final long moveWithinUs)
    {
        if (wideSpreadBp <= 0 || moveBp <= 0 || moveWithinUs <= 0)
        {
            throw new IllegalArgumentException("market rules need positive thresholds, were wideSpreadBp=" + wideSpreadBp +
                ", moveBp=" + moveBp + ", moveWithinUs=" + moveWithinUs);
        }
        this.wideSpreadBp = wideSpreadBp;
        this.moveBp = moveBp;
        this.moveWithinUs = moveWithinUs;
    }

    /** @return the defaults: 25 bp spreads, 50 bp moves within 0.5 s. */
    public static MarketRules defaults()
    {
        return new MarketRules(DEFAULT_WIDE_SPREAD_BP, DEFAULT_MOVE_BP, DEFAULT_MOVE_WITHIN_US);
    }

    /** @return the spread threshold, bp of the mid. */
    public long wideSpreadBp()
    {
        return wideSpreadBp;
    }

    /** @return the move threshold, bp. */
    public long moveBp()
    {
        return moveBp;
    }

    /** @return the move window, µs of event time. */
    public long moveWithinUs()
    {
        return moveWithinUs;
    }

    @Override
    public String toString()
    {
        return "spreads wider than " + wideSpreadBp + " bp, moves over " + moveBp + " bp within " + moveWithinUs / 1000 + " ms";
    }
}
