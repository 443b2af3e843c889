package io.ringflow.replay;

/** Why a replay run returned. */
public enum StopReason
{
    /** The entry at the requested sequence was processed. */
    REACHED_SEQUENCE,
    /** The next record matches the breakpoint; it is not processed yet. */
    BREAKPOINT,
    /** The journal's end-of-stream entry was processed: every window has fired. */
    END_OF_STREAM,
    /** The journal has no more entries (it has no end-of-stream, or is still being written). */
    END_OF_JOURNAL,
    /** The number of entries asked for was processed ({@code ReplaySession.runEntries}). */
    LIMIT,
    /** An output differed from the recorded output journal being verified: see {@code ReplaySession.divergence()}. */
    DIVERGED
}
