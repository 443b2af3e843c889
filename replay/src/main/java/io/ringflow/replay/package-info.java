/**
 * Replay and time travel as a Java API, and the {@code ringflow} command-line tool.
 * <p>
 * <b>Built:</b> the command line's read-only commands ({@code journal info|dump|tail}, {@code diff},
 * {@code stat}) in {@code io.ringflow.replay.cli}; see docs/CLI.md.
 * <p>
 * <b>Not built yet</b> (issue 5): {@code ReplaySession}, time travel, and the {@code replay} and
 * {@code state} commands; {@code diff} names the state of a diverging key through
 * {@code io.ringflow.replay.cli.KeyStateInspector} once time travel exists.
 */
package io.ringflow.replay;
