/**
 * JMH benchmarks of the journal module: appending to and reading an input journal, the exactly-once
 * output journal sink (appending and verifying), whole durable pipelines replayed from an input
 * journal, with and without checkpoints, recovery, and one pipeline fed live with the journal off, in fast
 * mode and in durable mode ({@link io.ringflow.perf.journal.JournalModesBenchmark}). Journals live in fresh
 * directories under {@code java.io.tmpdir} ({@link io.ringflow.perf.TempDirectories}),
 * written in {@code @Setup} and deleted in {@code @TearDown}; a {@code [workload]} line printed at
 * tear-down says what each run wrote or read.
 * <p>
 * Chronicle binds an appender (and a tailer) to the first thread that uses it and throws if another live
 * thread uses it later. JMH runs the {@code @Setup} and {@code @TearDown} methods of a
 * {@code Scope.Thread} state on the benchmark thread itself, and keeps that thread for every iteration of
 * a fork; the benchmarks here rely on that and check it ({@link io.ringflow.perf.journal.JournalFixtures#requireOwner}).
 * <p>
 * Run with {@code perf/bin/bench}, which passes the JVM flags Chronicle needs (shared/DESIGN.md); see
 * perf/README.md. They write to disk: on a shared machine run one at a time.
 */
package io.ringflow.perf.journal;
