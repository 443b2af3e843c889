package io.ringflow.operators.window;

/**
 * Decides which windows a timestamp belongs to. Create with {@link Windows}.
 * <p>
 * Implementations are immutable and validated at construction; called on the operator's thread.
 */
public interface WindowAssigner
{
    /** @return the most windows one timestamp can belong to (sizes the operator's scratch array). */
    int maxWindowsPerRecord();

    /**
     * Write the start of every window containing {@code timestamp} into {@code starts}.
     *
     * @param timestamp a valid event time.
     * @param starts    at least {@link #maxWindowsPerRecord()} long.
     * @return the number of windows, or -1 when a window would start below {@code Long.MIN_VALUE} or end
     *         beyond {@code Long.MAX_VALUE} (the record is rejected as out of range).
     */
    int assignWindows(long timestamp, long[] starts);

    /**
     * @param start a start returned by {@link #assignWindows}.
     * @return the window's end (exclusive); for session windows, the end before any merge.
     */
    long windowEnd(long start);

    /** @return true for session windows, which merge. */
    boolean isMerging();

    /** @return false for the global window, which has no event-time end and is never late. */
    boolean isEventTime();
}
