/**
 * Replay and time travel as a Java API, and the {@code ringflow} command-line tool.
 * <p>
 * <b>Not built yet</b> (issue 5).
 */
package io.ringflow.replay;
