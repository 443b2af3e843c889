package io.ringflow.journal.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A committed checkpoint as its manifest describes it: where recovery rewinds the input journal to, how
 * far the output had been written, and the operators' snapshots. {@link CheckpointStore#latest(String)}
 * returns one only after every snapshot file was found with the manifest's length and CRC32C;
 * {@link #snapshot(String)} checks again when it reads, since files can change after that.
 * <p>
 * Load the snapshots before the store commits {@code retain} newer checkpoints: retention deletes this
 * one's files then, and {@link #snapshot(String)} fails.
 * <p>
 * Threading: immutable; any thread may read it.
 */
public final class Checkpoint
{
    /** {@link #outputPosition()} when no output had been written. */
    public static final long NO_OUTPUT_POSITION = -1;

    private final Path checkpointDirectory;
    private final long checkpointId;
    private final String pipelineId;
    private final long inputSequence;
    private final long outputPosition;
    private final long createdEpochMs;
    private final List<SnapshotEntry> entries;
    private final List<String> snapshotNames;

    Checkpoint(
        final Path storeDirectory,
        final long checkpointId,
        final String pipelineId,
        final long inputSequence,
        final long outputPosition,
        final long createdEpochMs,
        final List<SnapshotEntry> entries)
    {
        this.checkpointDirectory = CheckpointFiles.checkpointDirectory(storeDirectory, checkpointId);
        this.checkpointId = checkpointId;
        this.pipelineId = pipelineId;
        this.inputSequence = inputSequence;
        this.outputPosition = outputPosition;
        this.createdEpochMs = createdEpochMs;
        this.entries = List.copyOf(entries);
        final List<String> names = new ArrayList<>(entries.size());
        for (final SnapshotEntry entry : entries)
        {
            names.add(entry.name());
        }
        this.snapshotNames = Collections.unmodifiableList(names);
    }

    /** @return the checkpoint's id; ids increase from one checkpoint to the next. */
    public long checkpointId()
    {
        return checkpointId;
    }

    /** @return the pipeline (plan) that wrote it. */
    public String pipelineId()
    {
        return pipelineId;
    }

    /** @return the input journal sequence the checkpoint was taken at: replay continues after it. */
    public long inputSequence()
    {
        return inputSequence;
    }

    /** @return the output position at the checkpoint, or {@link #NO_OUTPUT_POSITION}. */
    public long outputPosition()
    {
        return outputPosition;
    }

    /** @return when it was committed, epoch milliseconds. */
    public long createdEpochMs()
    {
        return createdEpochMs;
    }

    /** @return the snapshots' names, in the order they were added. */
    public List<String> snapshotNames()
    {
        return snapshotNames;
    }

    /**
     * Read one snapshot, checking its length and CRC32C against the manifest.
     *
     * @param name one of {@link #snapshotNames()}.
     * @return its bytes.
     * @throws IllegalArgumentException if the checkpoint has no snapshot of that name.
     * @throws CheckpointException      naming the file if it is missing, unreadable or fails the check.
     */
    public byte[] snapshot(final String name)
    {
        final SnapshotEntry entry = entry(name);
        final Path file = checkpointDirectory.resolve(entry.fileName());
        final byte[] bytes;
        try
        {
            final long size = Files.size(file);
            if (size != entry.length())
            {
                throw invalid(file, CheckpointFiles.lengthMismatch(entry, size));
            }
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw invalid(file, CheckpointFiles.missing(entry, checkpointDirectory));
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("checkpoint " + checkpointId + ": cannot read " + file + ": " + ex, ex);
        }
        if (bytes.length != entry.length())
        {
            throw invalid(file, CheckpointFiles.lengthMismatch(entry, bytes.length));
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        final int computed = (int)crc.getValue();
        if (computed != entry.crc())
        {
            throw invalid(file, CheckpointFiles.checksumMismatch(entry, computed));
        }
        return bytes;
    }

    @Override
    public String toString()
    {
        return "Checkpoint{id=" + checkpointId + ", pipelineId='" + pipelineId + "', inputSequence=" + inputSequence +
            ", outputPosition=" + outputPosition + ", createdEpochMs=" + createdEpochMs + ", snapshots=" +
            snapshotNames + ", directory=" + checkpointDirectory + '}';
    }

    List<SnapshotEntry> entries()
    {
        return entries;
    }

    /** @throws InvalidCheckpointException for the first snapshot file that does not match its entry. */
    void verifySnapshots() throws InvalidCheckpointException
    {
        for (final SnapshotEntry entry : entries)
        {
            CheckpointFiles.verifySnapshot(checkpointDirectory, entry);
        }
    }

    private SnapshotEntry entry(final String name)
    {
        for (final SnapshotEntry entry : entries)
        {
            if (entry.name().equals(name))
            {
                return entry;
            }
        }
        throw new IllegalArgumentException("checkpoint " + checkpointId + " has no snapshot '" + name + "'; it holds " +
            snapshotNames);
    }

    private CheckpointException invalid(final Path file, final String what)
    {
        return new CheckpointException("checkpoint " + checkpointId + " at " + file + ": " + what);
    }
}
