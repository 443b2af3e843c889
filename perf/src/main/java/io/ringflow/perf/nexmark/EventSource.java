package io.ringflow.perf.nexmark;

/**
 * Where a {@link NexmarkDriver} reads events from: a live {@link NexmarkGenerator}, a pre-generated
 * {@link NexmarkStream}, or a test's hand-written list.
 * <p>
 * Threading: single-threaded, called on the driving thread.
 */
public interface EventSource
{
    /**
     * @param event overwritten with the next event.
     * @return its event time, ms (the same as {@code event.dateTime()}).
     */
    long next(NexmarkEvent event);
}
