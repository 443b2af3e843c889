package io.ringflow.operators.cep;

/**
 * What a {@link PatternMatch} reports.
 */
public enum MatchKind
{
    /** Every positive stage was matched within the pattern's bound: emitted by the record that completed it. */
    MATCHED,
    /**
     * A pattern ending in {@code notFollowedBy} held: its positive stages matched and no record of the
     * negated stage followed before the bound elapsed. Emitted when the watermark reaches
     * {@code first.ts + within}.
     */
    TIMED_OUT
}
