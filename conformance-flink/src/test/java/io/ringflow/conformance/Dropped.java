package io.ringflow.conformance;

import java.util.Comparator;

/**
 * A record that went to the late side output because every window it belongs to was already past
 * {@code maxTimestamp + allowedLateness} when it arrived. Both engines must drop exactly the same
 * records (as a multiset: equal records may occur more than once).
 *
 * @param key       the record's key
 * @param timestamp the record's event time
 * @param value     the record's value
 */
public record Dropped(long key, long timestamp, long value) {

    /** Canonical order: the side output's order across keys is not part of the contract. */
    public static final Comparator<Dropped> CANONICAL_ORDER = Comparator.comparingLong(Dropped::timestamp)
            .thenComparingLong(Dropped::key)
            .thenComparingLong(Dropped::value);

    /** The dropped form of an input event. */
    public static Dropped of(Event event) {
        return new Dropped(event.key(), event.timestamp(), event.value());
    }
}
