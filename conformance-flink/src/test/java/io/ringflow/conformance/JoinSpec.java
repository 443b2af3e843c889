package io.ringflow.conformance;

/**
 * Which join a scenario runs, with the parameters both engines must honour exactly.
 */
public sealed interface JoinSpec permits JoinSpec.Interval, JoinSpec.Windowed {

    /** A typical time extent, which the event generator uses to scale steps, gaps and lateness. */
    long scale();

    /** How far behind its windows' end a record may arrive and still count (0 for the interval join). */
    long allowedLateness();

    /**
     * Interval join: a left record at {@code l} joins right records at {@code r} with
     * {@code l + lower <= r <= l + upper}, either bound exclusive if so flagged.
     */
    record Interval(long lower, long upper, boolean lowerExclusive, boolean upperExclusive) implements JoinSpec {
        public Interval {
            if (effectiveLower(lower, lowerExclusive) > effectiveUpper(upper, upperExclusive)) {
                throw new IllegalArgumentException("empty interval: " + lower + ", " + upper);
            }
        }

        /** Smallest {@code r - l} that joins. */
        public long effectiveLower() {
            return effectiveLower(lower, lowerExclusive);
        }

        /** Largest {@code r - l} that joins. */
        public long effectiveUpper() {
            return effectiveUpper(upper, upperExclusive);
        }

        private static long effectiveLower(long lower, boolean exclusive) {
            return exclusive ? lower + 1 : lower;
        }

        private static long effectiveUpper(long upper, boolean exclusive) {
            return exclusive ? upper - 1 : upper;
        }

        @Override
        public long scale() {
            return Math.max(4, Math.max(Math.abs(lower), Math.abs(upper)));
        }

        @Override
        public long allowedLateness() {
            return 0;
        }

        @Override
        public String toString() {
            return "INTERVAL" + (lowerExclusive ? "(" : "[") + lower + ", " + upper + (upperExclusive ? ")" : "]");
        }
    }

    /** Window join and window co-group over the same windows, with allowed lateness. */
    record Windowed(WindowSpec window, long allowedLateness) implements JoinSpec {
        public Windowed {
            if (allowedLateness < 0) {
                throw new IllegalArgumentException("lateness must be >= 0: " + allowedLateness);
            }
        }

        @Override
        public long scale() {
            return window.scale();
        }

        @Override
        public String toString() {
            return "WINDOW " + window + " lateness=" + allowedLateness;
        }
    }
}
