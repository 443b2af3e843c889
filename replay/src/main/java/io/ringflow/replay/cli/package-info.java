/**
 * The {@code ringflow} command line: {@link io.ringflow.replay.cli.RingflowCli} and its commands.
 * <ul>
 *   <li>{@code journal info|dump|tail <dir>}: read one journal of either kind through the journal module's
 *       {@code RawJournalReader}; with {@code --pipeline <class>} records are decoded with a
 *       {@code PipelineDefinition}'s codecs and rendered as JSON by reflection ({@code RecordJson}).</li>
 *   <li>{@code diff <outA> <outB>}: the first divergent output of two output journals; naming the state of
 *       its key goes through the {@link io.ringflow.replay.cli.KeyStateInspector} extension point, which
 *       needs time travel and says so until that exists.</li>
 *   <li>{@code stat <counters-file>}: a running pipeline's live counters.</li>
 * </ul>
 * Every command only reads. Formats and exit codes are in docs/CLI.md; the JVM flags of DESIGN.md are needed
 * (the {@code ./ringflow} launcher passes them).
 * <p>
 * Not built yet: {@code replay} and {@code state} (they need the replay API of issue 5), a progress bar.
 */
package io.ringflow.replay.cli;
