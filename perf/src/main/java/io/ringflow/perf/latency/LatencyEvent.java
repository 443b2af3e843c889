package io.ringflow.perf.latency;

/** A pre-allocated, reused slot carrying one record of the harness through a subject. */
final class LatencyEvent
{
    long intendedSendNs;
    long payload;
}
