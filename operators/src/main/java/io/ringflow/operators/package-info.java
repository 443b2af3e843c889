/**
 * The deterministic, thread-free operator core.
 * <p>
 * <b>Runtime contract.</b> An operator is driven by exactly one thread at a time: its
 * {@code processRecord}, {@code processWatermark}, {@code onProcessingTime}, snapshot and restore
 * methods are never called concurrently, and nothing in this package starts a thread or reads a
 * clock. Time reaches operators only as record timestamps, watermarks and processing-time ticks
 * handed in by the caller, so the same operator run in {@code OperatorTestHarness}, in a pipeline
 * stage or in a replay produces identical output.
 * <p>
 * <b>Records are reused.</b> A record passed to {@code processRecord} or emitted to an
 * {@link io.ringflow.operators.Output} is valid only for the duration of that call; an operator that
 * needs it later copies it (off-heap through a {@link io.ringflow.operators.record.RecordCodec}).
 */
package io.ringflow.operators;
