/**
 * Fixed-rate, open-loop end-to-end latency harness ({@link io.ringflow.perf.latency.FixedRateLatencyHarness}):
 * a pacing thread offers records to a {@link io.ringflow.perf.latency.LatencySubject} at their intended send
 * times and never skips one, the subject's last consumer reports each delivery to a
 * {@link io.ringflow.perf.latency.LatencySink}, and latency is measured from the intended send time, so
 * back-pressure and stalls count (coordinated omission accounted for). HdrHistogram recorders, interval logs
 * in HdrHistogram's format, and a hiccup meter that shows the machine's own stalls.
 * <p>
 * Run with {@code perf/bin/latency --help}; see perf/README.md.
 */
package io.ringflow.perf.latency;
