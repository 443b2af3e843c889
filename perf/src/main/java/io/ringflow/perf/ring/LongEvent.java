package io.ringflow.perf.ring;

/**
 * The mutable record passed between the two threads: one {@code long} payload, written by the producer
 * into a pre-allocated slot and summed by the consumer. Allocated up front only (ring slots, or a pool
 * for queues that hold references).
 */
final class LongEvent
{
    long value;
}
