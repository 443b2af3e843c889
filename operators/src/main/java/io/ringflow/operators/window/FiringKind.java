package io.ringflow.operators.window;

/**
 * Why a window emitted a result.
 */
public enum FiringKind
{
    /** Before the watermark reached the window's max timestamp: an early trigger (count, interval). */
    EARLY,
    /** The watermark reached the window's max timestamp: the regular firing. */
    ON_TIME,
    /**
     * A record arrived after the on-time firing but within allowed lateness; the result is the full,
     * updated window, not a delta.
     */
    LATE
}
