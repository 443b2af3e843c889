/**
 * The pipeline DSL and its public vocabulary: {@link io.ringflow.pipeline.Pipeline#from} records a plan
 * ({@link io.ringflow.pipeline.Stream}, {@link io.ringflow.pipeline.KeyedStream},
 * {@link io.ringflow.pipeline.WindowedStream}) of explicit stages, and {@code build()} turns it into a
 * running {@link io.ringflow.pipeline.runtime.PipelineRuntime}: stages (one thread running one fused
 * operator chain) linked by LMAX Disruptor rings, a multi-producer ingress answering
 * {@link io.ringflow.pipeline.PublishResult} codes, key-partitioned parallel stages, error policies,
 * counters and latency histograms.
 * <p>
 * Threading: plans are recorded and built on one thread; the running pipeline's threading rules are on
 * {@link io.ringflow.pipeline.Ingress} and {@link io.ringflow.pipeline.runtime.PipelineRuntime}.
 */
package io.ringflow.pipeline;
