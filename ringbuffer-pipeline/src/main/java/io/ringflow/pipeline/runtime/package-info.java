/**
 * The runtime under the DSL, public so that it can be wired by hand (benchmarks do):
 * {@link io.ringflow.pipeline.runtime.PipelineBuilder} takes an ingress, {@link
 * io.ringflow.pipeline.runtime.StageSpec}s in order and a sink, and builds a {@link
 * io.ringflow.pipeline.runtime.PipelineRuntime} that runs on threads or stepped by hand.
 */
package io.ringflow.pipeline.runtime;
