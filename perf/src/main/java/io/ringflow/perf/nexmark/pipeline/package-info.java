/**
 * Nexmark queries behind a thread hand-off, one producer and one consumer thread: Ringflow's runtime (one
 * busy-spinning stage running the query's fused chain) against hand-written baselines, a raw LMAX Disruptor
 * ring and an {@code ArrayBlockingQueue}, whose consumer runs the hand-written query of
 * {@link io.ringflow.perf.nexmark.NexmarkBenchmark}. {@link io.ringflow.perf.nexmark.pipeline.QueryPipeline} is
 * one query behind one engine's hand-off; {@link io.ringflow.perf.nexmark.pipeline.PipelineEngine} makes them;
 * every run is checked against a single-thread reference run on the same events
 * ({@link io.ringflow.perf.nexmark.pipeline.ResultFingerprint}).
 * <p>
 * Run with {@code perf/bin/bench NexmarkPipeline -prof gc}; see perf/README.md.
 */
package io.ringflow.perf.nexmark.pipeline;
