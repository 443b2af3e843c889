package io.ringflow.replay;

/**
 * Holds each record back until the wall clock has advanced as far, divided by the speed, as event
 * time has since the first paced record. Never speeds up to catch up on its own slowness beyond that:
 * a late record goes at once.
 * <p>
 * Threading: the replaying thread.
 */
final class Pacer
{
    private final double nanosPerEventMs;
    private final PacingClock clock;
    private boolean started;
    private long firstEventTime;
    private long startNs;

    /**
     * @param speed event-time milliseconds per wall-clock millisecond, {@code > 0}.
     * @param clock the wall clock.
     */
    Pacer(final double speed, final PacingClock clock)
    {
        this.nanosPerEventMs = 1_000_000.0 / speed;
        this.clock = clock;
    }

    /**
     * @param eventTime the next record's event timestamp, in milliseconds.
     */
    void await(final long eventTime)
    {
        if (!started)
        {
            started = true;
            firstEventTime = eventTime;
            startNs = clock.nanoTime();
            return;
        }
        final long dueNs = startNs + (long)(Math.max(0, eventTime - firstEventTime) * nanosPerEventMs);
        if (dueNs - clock.nanoTime() > 0)
        {
            clock.waitUntil(dueNs);
        }
    }
}
