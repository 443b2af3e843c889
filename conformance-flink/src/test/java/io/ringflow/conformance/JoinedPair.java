package io.ringflow.conformance;

import java.util.Comparator;

/**
 * One output of a join: the ids of the left and right record joined, and the output's timestamp
 * ({@code max} of the two for the interval join, the window's max timestamp for the window join).
 *
 * @param leftId    id of the left record
 * @param rightId   id of the right record
 * @param timestamp event time of the output
 */
public record JoinedPair(long leftId, long rightId, long timestamp) {

    /** Canonical order: output order across keys and windows is not part of the contract. */
    public static final Comparator<JoinedPair> CANONICAL_ORDER = Comparator.comparingLong(JoinedPair::timestamp)
            .thenComparingLong(JoinedPair::leftId)
            .thenComparingLong(JoinedPair::rightId);

    @Override
    public String toString() {
        return "(L" + leftId + ", R" + rightId + ")@" + timestamp;
    }
}
