/**
 * The ring-buffer runtime: stages (one thread running one fused operator chain) linked by LMAX
 * Disruptor rings, multi-producer ingress with back-pressure codes, key-partitioned parallel stages,
 * counters and latency histograms.
 * <p>
 * <b>Not built yet</b> (issue 3). Until then the operator core in {@code io.ringflow.operators} is
 * driven by hand through {@code OperatorTestHarness} or an {@code OperatorChain}.
 */
package io.ringflow.pipeline;
