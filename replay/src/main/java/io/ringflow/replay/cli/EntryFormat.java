package io.ringflow.replay.cli;

/**
 * How {@code journal dump} and {@code journal tail} print entries; both are documented in docs/CLI.md and
 * stay stable.
 */
enum EntryFormat
{
    /** One JSON object per line, for programs. */
    JSONL,
    /** Fixed-width columns under a header line, for people. */
    TABLE
}
