package io.ringflow.operators.cep;

/**
 * Which partial matches survive once a match is emitted. Every record that satisfies the first stage starts
 * its own partial match, and each partial match takes, for each stage in turn, the first later record that
 * satisfies it (skip-till-next-match: records that satisfy nothing it waits for are skipped, and a partial
 * match never branches). This setting only decides what an emitted match does to the others.
 */
public enum AfterMatchSkip
{
    /**
     * Nothing is discarded: overlapping matches are all emitted, and one record may take part in several.
     * {@code A1 A2 B} with {@code A followedBy B} gives {@code (A1, B)} then {@code (A2, B)};
     * {@code times(3)} over {@code A1 … A5} gives {@code (A1 A2 A3)}, {@code (A2 A3 A4)}, {@code (A3 A4 A5)}.
     */
    NO_SKIP,
    /**
     * An emitted match discards every partial match of its key that started at or before the match's last
     * (positive) record, in evaluation order, and that record starts none: matches of a key never overlap.
     * {@code A1 A2 B} gives only {@code (A1, B)}; {@code times(3)} over {@code A1 … A6} gives
     * {@code (A1 A2 A3)} and {@code (A4 A5 A6)}. For {@code A notFollowedBy B} the match's last record is
     * {@code A} itself, so nothing else is discarded.
     */
    SKIP_PAST_LAST_EVENT
}
