/**
 * The checkpoint store: durable, verified checkpoints of a pipeline, each {checkpoint id, pipeline id,
 * input sequence, output position, creation time, named operator snapshots}, written with plain
 * {@code java.nio} (no Chronicle).
 * <p>
 * {@link io.ringflow.journal.checkpoint.CheckpointStore} begins a
 * {@link io.ringflow.journal.checkpoint.CheckpointWriter}, which writes each snapshot through a temporary
 * file, fsync and atomic rename, then commits by renaming a checksummed manifest
 * ({@link io.ringflow.journal.checkpoint.CheckpointManifestDescriptor}) into place; the store keeps the
 * newest few and, at recovery, returns the newest valid
 * {@link io.ringflow.journal.checkpoint.Checkpoint}, skipping corrupt ones loudly. Checkpoint barriers
 * and recovery itself (rewinding the input journal, skipping regenerated outputs) are built elsewhere.
 */
package io.ringflow.journal.checkpoint;
