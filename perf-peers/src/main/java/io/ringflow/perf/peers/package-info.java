/**
 * Peers on Ringflow's Nexmark workload (issue 6): Apache Flink 2.1 local execution ({@link io.ringflow.perf.peers.LocalFlink}),
 * Kafka Streams 4.4 under {@code TopologyTestDriver} ({@link io.ringflow.perf.peers.KafkaStreamsEngine}) and Esper 9.0
 * in-process ({@link io.ringflow.perf.peers.EsperEngine}), each running Nexmark Q1, Q2, Q5 and Q7 on the same generated
 * events as {@code io.ringflow.perf.nexmark}'s Ringflow queries, each checked to produce the same results
 * ({@link io.ringflow.perf.peers.Fingerprint}), and the measurement {@link io.ringflow.perf.peers.PeerNexmark}, run
 * through {@code perf-peers/bin/peer-nexmark}. Esper is GPLv2: it is a dependency of this benchmark-only module, never
 * of a runtime module.
 * <p>
 * Threading: the Ringflow, Kafka Streams and Esper sides run on the calling thread; the Flink side runs in a
 * {@link io.ringflow.perf.peers.LocalFlink} MiniCluster in the same JVM, on Flink's task threads. Flink functions here
 * follow Flink's contract: one instance per parallel subtask, never called concurrently.
 */
package io.ringflow.perf.peers;
