package io.ringflow.perf.latency;

import io.ringflow.perf.nexmark.NexmarkEvent;

/**
 * A pre-allocated, reused slot carrying one Nexmark event of the harness through a Nexmark subject, with the
 * harness's intended send time and payload beside it (the query never sees them).
 */
final class TimedNexmarkEvent
{
    final NexmarkEvent event = new NexmarkEvent();
    long intendedSendNs;
    long payload;

    /** @param from the slot to copy, event included. */
    void copyFrom(final TimedNexmarkEvent from)
    {
        event.copyFrom(from.event);
        intendedSendNs = from.intendedSendNs;
        payload = from.payload;
    }
}
