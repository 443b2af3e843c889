package io.ringflow.journal.checkpoint;

/**
 * One snapshot as a manifest lists it.
 *
 * @param name   the snapshot's name; its file is {@code <name>.snap}.
 * @param length its length in bytes.
 * @param crc    the CRC32C of its bytes.
 */
record SnapshotEntry(String name, long length, int crc)
{
    /** @return the snapshot's file name inside its checkpoint directory. */
    String fileName()
    {
        return CheckpointFiles.snapshotFileName(name);
    }
}
