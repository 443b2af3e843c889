/**
 * Peers on Ringflow's Nexmark workload (issue 6): Apache Flink 2.1 local execution running Nexmark Q1, Q2,
 * Q5 and Q7 as DataStream jobs on the same generated events as {@code io.ringflow.perf.nexmark}'s Ringflow
 * queries, a check that both produce the same results ({@link io.ringflow.perf.peers.Fingerprint}), and the
 * measurement {@link io.ringflow.perf.peers.FlinkNexmark}, run through {@code perf-peers/bin/flink-nexmark}.
 * <p>
 * Threading: the Ringflow side runs on the calling thread, as in {@code perf}; the Flink side runs in a
 * {@link io.ringflow.perf.peers.LocalFlink} MiniCluster in the same JVM, on Flink's task threads. Flink
 * functions here follow Flink's contract: one instance per parallel subtask, never called concurrently.
 */
package io.ringflow.perf.peers;
