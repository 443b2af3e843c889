package io.ringflow.conformance;

/**
 * One input record of a conformance scenario, in neither engine's own type.
 *
 * <p>Both engines receive the same {@code List<Event>} in the same order; the order is part of the
 * input because the watermark is derived from the records seen so far (see {@link Scenario}).
 *
 * @param key       grouping key (the generator uses 1..8)
 * @param timestamp event time in ticks; may be negative
 * @param value     payload that the window result aggregates (count, sum, min, max)
 */
public record Event(long key, long timestamp, long value) {
}
