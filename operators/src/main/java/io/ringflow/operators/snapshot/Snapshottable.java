package io.ringflow.operators.snapshot;

/**
 * Something whose state can be written to bytes and restored so that it continues exactly as the
 * original would have. Framing, versioning and checksums are added by {@link Snapshots}; an
 * implementation writes and reads only its own fields.
 * <p>
 * Threading: called on the owning operator's thread, between records.
 */
public interface Snapshottable
{
    /**
     * @return a short stable name of the state layout ("window", "dedup", …), checked on restore so
     *         that a snapshot is never restored into the wrong kind of operator.
     */
    String snapshotType();

    /**
     * @return the version of the layout {@link #snapshotState} writes; bump it on any change.
     */
    int snapshotVersion();

    /**
     * Write the state.
     *
     * @param out destination.
     */
    void snapshotState(SnapshotWriter out);

    /**
     * Replace the state with what {@link #snapshotState} wrote. Called on a freshly opened instance.
     *
     * @param in      source, positioned at this state's first byte.
     * @param version the layout version it was written with.
     * @throws SnapshotException if the bytes are inconsistent or the version is unsupported.
     */
    void restoreState(SnapshotReader in, int version);
}
