/**
 * Durable pipelines: a pipeline fed from an input journal ({@link io.ringflow.journal.durable.JournalFeeder}),
 * writing to an output journal, with checkpoints committed by
 * {@link io.ringflow.journal.durable.CheckpointCoordinator} and recovery that makes its output exact
 * across crashes ({@link io.ringflow.journal.durable.DurablePipeline}).
 */
package io.ringflow.journal.durable;
