/**
 * Operator state to bytes and back: versioned, checksummed frames
 * ({@link io.ringflow.operators.snapshot.Snapshots}), read with bounds checks so that a corrupt or
 * truncated snapshot is rejected with a message naming where.
 */
package io.ringflow.operators.snapshot;
