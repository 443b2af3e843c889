/**
 * The performance suite's report (issue 6): {@code perf/bin/suite} runs the benchmarks, the latency harness and
 * the peer engines into {@code perf/results/<date>/raw/}, then {@link io.ringflow.perf.report.SuiteReport}
 * reads those raw results and writes {@code report.md}, {@code summary.json} and PNG plots beside them.
 * <p>
 * Every figure in the report is read from a raw result file; nothing is typed in. A ratio of Ringflow to a
 * baseline or peer is the median of per-round ratios, each round running both once (A B A B ...), never a
 * ratio of medians taken at different times.
 */
package io.ringflow.perf.report;
