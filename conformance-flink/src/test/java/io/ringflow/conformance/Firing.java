package io.ringflow.conformance;

import java.util.Comparator;

/**
 * One emission of a window result: what both engines must agree on, field for field.
 *
 * <p>A window fires {@link Kind#ON_TIME} once, when the watermark reaches its max timestamp
 * ({@code end - 1}), and {@link Kind#LATE} again for every record that arrives after that but
 * within the allowed lateness, each time with the full, updated aggregate. A window that only ever
 * receives late records has late firings and no on-time one.
 *
 * @param key   the window's key
 * @param start inclusive window start
 * @param end   exclusive window end
 * @param count number of records in the window at this firing
 * @param sum   sum of their values
 * @param min   minimum of their values
 * @param max   maximum of their values
 * @param kind  what caused this firing
 */
public record Firing(long key, long start, long end, long count, long sum, long min, long max, Kind kind) {

    /** What made a window fire. */
    public enum Kind {
        /** The watermark passed the window's max timestamp (an event-time timer). */
        ON_TIME,
        /** A record arrived for a window whose max timestamp the watermark had already passed. */
        LATE
    }

    /**
     * Canonical order for comparing results whose cross-key order is not part of the contract:
     * by window end, key, start, then kind (on-time before late) and growing counts, which is also
     * the emission order of one window's firings.
     */
    public static final Comparator<Firing> CANONICAL_ORDER = Comparator.comparingLong(Firing::end)
            .thenComparingLong(Firing::key)
            .thenComparingLong(Firing::start)
            .thenComparing(Firing::kind)
            .thenComparingLong(Firing::count)
            .thenComparingLong(Firing::sum)
            .thenComparingLong(Firing::min)
            .thenComparingLong(Firing::max);

    /** The window this firing belongs to, to group one window's firings into a sequence. */
    public WindowId window() {
        return new WindowId(key, start, end);
    }

    /** A keyed window, {@code [start, end)}. */
    public record WindowId(long key, long start, long end) {

        /** Same order as {@link #CANONICAL_ORDER}'s first three fields. */
        public static final Comparator<WindowId> ORDER = Comparator.comparingLong(WindowId::end)
                .thenComparingLong(WindowId::key)
                .thenComparingLong(WindowId::start);

        @Override
        public String toString() {
            return "key " + key + " [" + start + ", " + end + ")";
        }
    }

    @Override
    public String toString() {
        return kind + " key " + key + " [" + start + ", " + end + ") count=" + count + " sum=" + sum
                + " min=" + min + " max=" + max;
    }
}
