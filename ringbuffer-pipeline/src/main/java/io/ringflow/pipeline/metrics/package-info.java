/**
 * Counters and latency histograms of a running pipeline.
 * <p>
 * <b>Counters.</b> A {@link io.ringflow.pipeline.metrics.CountersFile} maps a file (layout on
 * {@link io.ringflow.pipeline.metrics.CountersFileDescriptor}) and runs an Agrona {@code CountersManager}
 * over it, so that another process ({@code ringflow stat}, a test, a monitoring agent) reads the live values
 * with a {@link io.ringflow.pipeline.metrics.CountersFileReader}. Each stage owns one
 * {@link io.ringflow.pipeline.metrics.StageCounters}: its thread counts in plain fields and publishes them
 * once per batch with release stores. {@link io.ringflow.pipeline.metrics.PipelineCounters} are shared by
 * the producer threads and use atomic increments. Every counter is allocated when the pipeline is built;
 * nothing is allocated while it runs.
 * <p>
 * <b>Latency.</b> {@link io.ringflow.pipeline.metrics.LatencyRecorders} holds one HdrHistogram
 * {@code SingleWriterRecorder} end to end and one per stage; a reporter thread takes interval histograms
 * and {@link io.ringflow.pipeline.metrics.IntervalLog} writes them in HdrHistogram's log format, which
 * HdrHistogram's own tools (HistogramLogProcessor, the plotter) read.
 */
package io.ringflow.pipeline.metrics;
