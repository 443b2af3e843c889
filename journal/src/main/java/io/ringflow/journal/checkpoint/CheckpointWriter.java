package io.ringflow.journal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

import static io.ringflow.journal.checkpoint.CheckpointManifestDescriptor.MAX_PIPELINE_ID_LENGTH;
import static io.ringflow.journal.checkpoint.CheckpointManifestDescriptor.MAX_SNAPSHOT_NAME_LENGTH;

/**
 * Writes one checkpoint: its snapshots, each made durable on its own, then the manifest whose atomic
 * rename commits them all. Until {@link #commit(String, long, long)} returns past that rename, a crash
 * leaves the previous checkpoint as the latest; the leftovers are removed by the next commit.
 * <p>
 * Obtained from {@link CheckpointStore#begin(long)}. A writer abandoned after a failure needs no clean-up:
 * begin again, with the same id or a higher one.
 * <p>
 * Threading: the thread that called {@code begin}, like the store.
 */
public final class CheckpointWriter
{
    private final CheckpointStore store;
    private final long checkpointId;
    private final Path checkpointDirectory;
    private final List<SnapshotEntry> entries = new ArrayList<>();
    private final CRC32C crc = new CRC32C();
    private boolean committed;

    CheckpointWriter(final CheckpointStore store, final long checkpointId, final Path checkpointDirectory)
    {
        this.store = store;
        this.checkpointId = checkpointId;
        this.checkpointDirectory = checkpointDirectory;
    }

    /** @return the id this writer commits. */
    public long checkpointId()
    {
        return checkpointId;
    }

    /**
     * Write one snapshot to {@code checkpoint-<id>/<name>.snap} through a temporary file, fsync it and
     * rename it into place.
     *
     * @param name   1 to {@value CheckpointManifestDescriptor#MAX_SNAPSHOT_NAME_LENGTH} of the characters
     *               {@code A-Z a-z 0-9 . _ -}, unique within the checkpoint.
     * @param bytes  holds the snapshot.
     * @param offset where it starts in {@code bytes}.
     * @param length its length.
     * @throws IllegalArgumentException if the name is not valid or already used.
     * @throws IllegalStateException    if the checkpoint is already committed.
     * @throws CheckpointException      naming the file if it cannot be written.
     */
    public void addSnapshot(final String name, final byte[] bytes, final int offset, final int length)
    {
        ensureNotCommitted();
        Objects.requireNonNull(name, "name");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (!CheckpointFiles.isValidSnapshotName(name))
        {
            throw new IllegalArgumentException("snapshot name '" + name + "' is not valid: use 1 to " +
                MAX_SNAPSHOT_NAME_LENGTH + " of the characters A-Z a-z 0-9 . _ -");
        }
        for (final SnapshotEntry entry : entries)
        {
            if (entry.name().equals(name))
            {
                throw new IllegalArgumentException("checkpoint " + checkpointId + " already has a snapshot '" +
                    name + "'");
            }
        }

        final Path file = checkpointDirectory.resolve(CheckpointFiles.snapshotFileName(name));
        final Path temp = CheckpointFiles.tempFile(file);
        try
        {
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                CheckpointFiles.writeFully(channel, ByteBuffer.wrap(bytes, offset, length));
                store.hooks().afterSnapshotWritten(checkpointId, name);
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("checkpoint " + checkpointId + ": cannot write snapshot " + file + ": " +
                ex, ex);
        }
        crc.reset();
        crc.update(bytes, offset, length);
        entries.add(new SnapshotEntry(name, length, (int)crc.getValue()));
    }

    /**
     * Commit the checkpoint: make the snapshots' directory entries durable, write the manifest to a
     * temporary file, fsync it, rename it to {@code checkpoint-<id>.manifest} (the commit point) and fsync
     * the store directory. Then apply retention, whose failures are only warned about: the checkpoint is
     * committed by then.
     *
     * @param pipelineId     names the pipeline (plan); recovery refuses checkpoints of another one.
     * @param inputSequence  the input journal sequence the checkpoint was taken at.
     * @param outputPosition the output position, or {@link Checkpoint#NO_OUTPUT_POSITION}.
     * @return the committed checkpoint.
     * @throws IllegalArgumentException if the pipeline id is empty or too long.
     * @throws IllegalStateException    if already committed.
     * @throws CheckpointException      if a newer checkpoint was committed meanwhile, or the manifest cannot
     *                                  be written; the previous checkpoint is then still the latest.
     */
    public Checkpoint commit(final String pipelineId, final long inputSequence, final long outputPosition)
    {
        ensureNotCommitted();
        final int pipelineIdLength = pipelineId.getBytes(StandardCharsets.UTF_8).length;
        if (pipelineIdLength == 0 || pipelineIdLength > MAX_PIPELINE_ID_LENGTH)
        {
            throw new IllegalArgumentException("pipeline id must be 1 to " + MAX_PIPELINE_ID_LENGTH +
                " UTF-8 bytes, not " + pipelineIdLength);
        }
        store.checkIdIsNew(checkpointId);

        final Path storeDirectory = store.directory();
        final Checkpoint checkpoint = new Checkpoint(
            storeDirectory, checkpointId, pipelineId, inputSequence, outputPosition, System.currentTimeMillis(), entries);
        final Path manifest = CheckpointFiles.manifestFile(storeDirectory, checkpointId);
        final Path temp = CheckpointFiles.tempFile(manifest);

        // The snapshots' renames, and the checkpoint directory's own entry, must be durable before the
        // manifest can be: otherwise a power loss could leave a manifest naming files that are not there.
        CheckpointFiles.forceDirectory(checkpointDirectory);
        CheckpointFiles.forceDirectory(storeDirectory);
        try
        {
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                CheckpointFiles.writeFully(channel, ByteBuffer.wrap(CheckpointManifest.encode(checkpoint)));
                channel.force(true);
            }
            store.hooks().beforeManifestRename(checkpointId);
            Files.move(temp, manifest, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("checkpoint " + checkpointId + ": cannot write manifest " + manifest + ": " +
                ex + "; the previous checkpoint is still the latest", ex);
        }
        committed = true;
        store.hooks().afterManifestRename(checkpointId);
        CheckpointFiles.forceDirectory(storeDirectory);
        store.applyRetention();
        return checkpoint;
    }

    private void ensureNotCommitted()
    {
        if (committed)
        {
            throw new IllegalStateException("checkpoint " + checkpointId + " is already committed");
        }
    }
}
