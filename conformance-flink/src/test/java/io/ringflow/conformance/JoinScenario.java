package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One differential join case: the join, a watermark bound, and a seeded generator for the interleaved
 * two-sided input. The same seed always yields the same events, so a failing case is replayed from its
 * {@link #toString()} alone.
 *
 * <p>The stream aims at the branches of the join semantics: a few keys (1..3) so that records meet,
 * both sides interleaved at random, timestamps that mostly grow with disorder inside the bound, records
 * exactly at the combined watermark (not late, and where an interval join's bound meets the watermark),
 * records one tick behind it (late), records behind it by up to a window plus the lateness (late, or
 * late firings, or additions to windows not yet due), a few far behind, quiet periods, and duplicate
 * timestamps. With {@code firstTimestamp < 0} the stream crosses zero.
 *
 * @param join           the join and its parameters
 * @param outOfOrderness each side's watermark bound: watermark = max timestamp seen on the side - bound - 1
 * @param seed           generator seed
 * @param eventCount     number of records to generate, both sides together
 * @param firstTimestamp event time where the stream starts
 */
public record JoinScenario(JoinSpec join, long outOfOrderness, long seed, int eventCount, long firstTimestamp) {

    public JoinScenario {
        if (outOfOrderness < 0 || eventCount < 0) {
            throw new IllegalArgumentException("bound and event count must be >= 0");
        }
    }

    /** The seeded input; deterministic in all of this record's fields. */
    public List<SideEvent> generateEvents() {
        SplittableRandom random = new SplittableRandom(seed);
        long scale = join.scale();
        long lateness = join.allowedLateness();
        int keys = 1 + random.nextInt(3);
        Watermarks watermarks = new Watermarks(outOfOrderness);
        long frontier = firstTimestamp;
        List<SideEvent> events = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            if (random.nextInt(100) < 3) {
                frontier += scale * (2 + random.nextInt(3));
            } else {
                frontier += random.nextLong(scale / 4 + 1);
            }
            long watermark = watermarks.combined();
            int dice = random.nextInt(100);
            long timestamp;
            if (watermark == Long.MIN_VALUE || dice < 70) {
                // within the bound of the newest record: ahead of both sides' watermarks, never late
                timestamp = frontier - random.nextLong(outOfOrderness + 1);
            } else if (dice < 78) {
                timestamp = watermark;         // at the watermark: not late
            } else if (dice < 84) {
                timestamp = watermark - 1;     // one tick behind it: late
            } else if (dice < 96) {
                timestamp = watermark - random.nextLong(scale + lateness + 1);
            } else {
                timestamp = watermark - lateness - 2 * scale - random.nextLong(2 * scale + 1);
            }
            boolean left = random.nextBoolean();
            watermarks.onRecord(left, timestamp);
            events.add(new SideEvent(left, 1 + random.nextInt(keys), timestamp, i));
        }
        return Collections.unmodifiableList(events);
    }

    /**
     * The combined watermark each record is judged against: the minimum over both sides of
     * {@code max timestamp seen - bound - 1}, of the records before it ({@code Long.MIN_VALUE} while either
     * side has none).
     */
    public long[] watermarksAtArrival(List<SideEvent> events) {
        Watermarks watermarks = new Watermarks(outOfOrderness);
        long[] atArrival = new long[events.size()];
        for (int i = 0; i < atArrival.length; i++) {
            atArrival[i] = watermarks.combined();
            watermarks.onRecord(events.get(i).left(), events.get(i).timestamp());
        }
        return atArrival;
    }

    @Override
    public String toString() {
        return join + " bound=" + outOfOrderness + " seed=" + seed + " events=" + eventCount + " from=" + firstTimestamp;
    }

    /** Each side's bounded out-of-orderness watermark, and their minimum. */
    private static final class Watermarks {
        private final long bound;
        private long leftMax = Long.MIN_VALUE;
        private long rightMax = Long.MIN_VALUE;
        private long combined = Long.MIN_VALUE;

        Watermarks(long bound) {
            this.bound = bound;
        }

        void onRecord(boolean left, long timestamp) {
            if (left) {
                leftMax = Math.max(leftMax, timestamp);
            } else {
                rightMax = Math.max(rightMax, timestamp);
            }
            combined = Math.max(combined, Math.min(watermark(leftMax), watermark(rightMax)));
        }

        private long watermark(long max) {
            return max == Long.MIN_VALUE ? Long.MIN_VALUE : max - bound - 1;
        }

        long combined() {
            return combined;
        }
    }
}
