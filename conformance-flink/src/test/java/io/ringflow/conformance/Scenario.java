package io.ringflow.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One differential test case: a window, an allowed lateness, a watermark bound, and a seeded
 * generator for the input stream. The same seed always yields the same events, so a failing case is
 * replayed from its {@link #toString()} alone.
 *
 * <p>The generated stream is meant to reach every branch of the event-time semantics, not to look
 * like real traffic: a few keys (1..8), timestamps that mostly grow with disorder inside the bound
 * (never late), some records behind the watermark (late firings when the window is within the
 * allowed lateness, drops when not, or ordinary additions for windows not yet due), a few records far
 * behind it (dropped, unless they join a session that is still alive), occasional quiet periods that
 * close sessions and skip windows, and duplicate timestamps. With {@code firstTimestamp < 0} the
 * stream crosses zero, which exercises window alignment with negative timestamps and offsets.
 *
 * @param window          window assigner and its parameters
 * @param allowedLateness how long past its max timestamp a window keeps state and fires late
 * @param outOfOrderness  watermark bound: watermark = max timestamp seen - bound - 1
 * @param seed            generator seed
 * @param eventCount      number of records to generate
 * @param firstTimestamp  event time where the stream starts
 */
public record Scenario(WindowSpec window, long allowedLateness, long outOfOrderness, long seed, int eventCount,
                       long firstTimestamp) {

    public Scenario {
        if (allowedLateness < 0 || outOfOrderness < 0 || eventCount < 0) {
            throw new IllegalArgumentException("lateness, bound and event count must be >= 0");
        }
    }

    /** A scenario for hand-written inputs, where seed, count and origin are not used. */
    public static Scenario of(WindowSpec window, long allowedLateness, long outOfOrderness) {
        return new Scenario(window, allowedLateness, outOfOrderness, 0, 0, 0);
    }

    /** The seeded input stream; deterministic in all of this record's fields. */
    public List<Event> generateEvents() {
        SplittableRandom random = new SplittableRandom(seed);
        long scale = window.scale();
        int keys = 1 + random.nextInt(8);
        long frontier = firstTimestamp; // the newest event time handed out so far (or about to be)
        long maxTimestamp = Long.MIN_VALUE;
        List<Event> events = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            // Mostly a small step, sometimes a quiet period of a few window lengths.
            if (random.nextInt(100) < 3) {
                frontier += scale * (2 + random.nextInt(4));
            } else {
                frontier += random.nextLong(scale / 4 + 1);
            }
            // What the engines' watermark is before this record (the generator mirrors the formula
            // only to aim late records; the engines compute their own).
            long watermark = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - outOfOrderness - 1;
            int dice = random.nextInt(100);
            long timestamp;
            if (watermark == Long.MIN_VALUE || dice < 78) {
                // Within the bound: behind the newest record but ahead of the watermark, never late.
                timestamp = frontier - random.nextLong(outOfOrderness + 1);
            } else if (dice < 96) {
                // Behind the watermark by up to a window plus the lateness: late firing, drop, or a
                // plain addition to a window that is not yet due (sliding windows, long sessions).
                timestamp = watermark - random.nextLong(scale + allowedLateness + 1);
            } else {
                // Far behind: every window it could start is past max timestamp + lateness.
                timestamp = watermark - allowedLateness - 2 * scale - random.nextLong(2 * scale + 1);
            }
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            long key = 1 + random.nextInt(keys);
            long value = random.nextLong(-1000, 1001);
            events.add(new Event(key, timestamp, value));
        }
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return window + " lateness=" + allowedLateness + " bound=" + outOfOrderness + " seed=" + seed
                + (eventCount == 0 ? "" : " events=" + eventCount + " from=" + firstTimestamp);
    }
}
