/**
 * The Nexmark auction workload on Ringflow's operator core: a deterministic seeded event generator
 * ({@link io.ringflow.perf.nexmark.NexmarkGenerator}, replayed without its own cost by
 * {@link io.ringflow.perf.nexmark.NexmarkStream}), queries Q0, Q1, Q2, Q5, Q7 and Q8 each built twice, as fused
 * Ringflow operator chains and as a hand-written single-thread baseline with primitive arrays (the
 * physical limit), and the JMH benchmark {@link io.ringflow.perf.nexmark.NexmarkBenchmark} comparing them.
 * Tests check that both engines emit the same results.
 * <p>
 * Everything here is single-threaded: one thread drives a query ({@link io.ringflow.perf.nexmark.NexmarkDriver}),
 * as a pipeline stage would.
 */
package io.ringflow.perf.nexmark;
