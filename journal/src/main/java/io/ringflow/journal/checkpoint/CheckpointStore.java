package io.ringflow.journal.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The checkpoints of one pipeline in one directory: writes them durably, keeps the newest {@code retain},
 * and finds the latest valid one for recovery.
 * <p>
 * A checkpoint is committed when its manifest, {@code checkpoint-<id>.manifest}, is renamed into place
 * (see {@link CheckpointManifestDescriptor}); its snapshots live in {@code checkpoint-<id>/}. A crash at
 * any moment leaves either the new checkpoint committed or the previous one the latest. A committed
 * checkpoint that fails verification (a flipped byte, a truncated or missing file) is skipped with a
 * warning and the one before it is used: keep {@code retain} at 2 or more so that there is one.
 * <p>
 * Operating notes: one store, in one process, per directory; nothing locks it. Warnings go to the
 * consumer given, by default to standard error with a "ringflow: " prefix; route them to the
 * application's log, they are the only sign that recovery fell back.
 * <p>
 * Threading: one thread, the one that commits checkpoints (where the barrier leaves the sink), calls
 * every method of the store and of its writers. Recovery calls {@link #latest(String)} before that
 * thread starts writing. {@link Checkpoint}s are immutable and may be handed to other threads.
 */
public final class CheckpointStore
{
    /**
     * Called at the moments a crash test wants to stop the process, on the writing thread. A hook that
     * throws aborts the checkpoint as a crash at that point would, bar the process dying.
     */
    public interface Hooks
    {
        /** Hooks that do nothing. */
        Hooks NONE = new Hooks()
        {
        };

        /**
         * A snapshot's bytes are written to its temporary file, not yet fsynced nor renamed.
         *
         * @param checkpointId the checkpoint being written.
         * @param name         the snapshot's name.
         */
        default void afterSnapshotWritten(final long checkpointId, final String name)
        {
        }

        /**
         * The manifest is written and fsynced under its temporary name: the checkpoint is not committed.
         *
         * @param checkpointId the checkpoint being committed.
         */
        default void beforeManifestRename(final long checkpointId)
        {
        }

        /**
         * The manifest has its final name: the checkpoint is committed, the directory not yet fsynced and
         * retention not yet applied.
         *
         * @param checkpointId the checkpoint just committed.
         */
        default void afterManifestRename(final long checkpointId)
        {
        }
    }

    /** Prints warnings to standard error, prefixed "ringflow: ". */
    public static final Consumer<String> STDERR_WARNINGS = (message) -> System.err.println("ringflow: " + message);

    private final Path directory;
    private final int retain;
    private final Hooks hooks;
    private final Consumer<String> warnings;

    /**
     * A store without hooks, warning on standard error.
     *
     * @param directory holds the checkpoints; created if absent.
     * @param retain    how many committed checkpoints to keep, at least 1.
     */
    public CheckpointStore(final Path directory, final int retain)
    {
        this(directory, retain, Hooks.NONE, STDERR_WARNINGS);
    }

    /**
     * @param directory holds the checkpoints; created if absent.
     * @param retain    how many committed checkpoints to keep, at least 1.
     * @param hooks     fault-injection points for tests; {@link Hooks#NONE} otherwise.
     * @param warnings  receives a line for every checkpoint skipped and every leftover that cannot be deleted.
     * @throws CheckpointException if the directory cannot be created.
     */
    public CheckpointStore(
        final Path directory, final int retain, final Hooks hooks, final Consumer<String> warnings)
    {
        if (retain < 1)
        {
            throw new IllegalArgumentException("retain must be at least 1, not " + retain);
        }
        this.directory = Objects.requireNonNull(directory, "directory");
        this.retain = retain;
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot create checkpoint directory " + directory + ": " + ex, ex);
        }
    }

    /**
     * Start a checkpoint. Leftovers of an earlier attempt at the same id, which never committed, are removed.
     *
     * @param checkpointId above every committed checkpoint's id.
     * @return the writer of its snapshots and manifest.
     * @throws IllegalArgumentException if the id is negative.
     * @throws CheckpointException      if the id is not above the newest committed one, or the checkpoint's
     *                                  directory cannot be created.
     */
    public CheckpointWriter begin(final long checkpointId)
    {
        if (checkpointId < 0)
        {
            throw new IllegalArgumentException("checkpoint id must not be negative: " + checkpointId);
        }
        checkIdIsNew(checkpointId);
        final Path checkpointDirectory = CheckpointFiles.checkpointDirectory(directory, checkpointId);
        try
        {
            if (Files.exists(checkpointDirectory))
            {
                warnings.accept("removing " + checkpointDirectory + ", an uncommitted checkpoint left by an " +
                    "earlier attempt");
                CheckpointFiles.deleteTree(checkpointDirectory);
            }
            Files.deleteIfExists(CheckpointFiles.tempFile(CheckpointFiles.manifestFile(directory, checkpointId)));
            Files.createDirectories(checkpointDirectory);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("checkpoint " + checkpointId + ": cannot prepare " + checkpointDirectory +
                ": " + ex, ex);
        }
        return new CheckpointWriter(this, checkpointId, checkpointDirectory);
    }

    /**
     * Find the newest valid committed checkpoint: manifest magic, version, length and CRC32C correct, and
     * every snapshot file present with the manifest's length and CRC32C. Each invalid one is skipped with a
     * warning that names its manifest, what is wrong and which checkpoint is tried next.
     *
     * @param expectedPipelineId the pipeline that is recovering.
     * @return the checkpoint, or empty if there is none or none is valid: recovery then starts from the
     * beginning of the input journal.
     * @throws CheckpointException if the newest readable manifest belongs to another pipeline: the
     *                             pipeline points at another pipeline's directory, which is never ignored.
     */
    public Optional<Checkpoint> latest(final String expectedPipelineId)
    {
        return latestAtOrBefore(expectedPipelineId, Long.MAX_VALUE);
    }

    /**
     * As {@link #latest}, among the checkpoints whose input sequence is at most {@code inputSequence}:
     * where time travel and a replay from the middle of a journal start. Newer checkpoints are passed
     * over silently; invalid ones among the rest are skipped with a warning.
     *
     * @param expectedPipelineId the pipeline that is restoring.
     * @param inputSequence      the highest input sequence the checkpoint may hold the effect of.
     * @return the checkpoint, or empty if none qualifies: start from the beginning of the input journal.
     * @throws CheckpointException if a manifest belongs to another pipeline.
     */
    public Optional<Checkpoint> latestAtOrBefore(final String expectedPipelineId, final long inputSequence)
    {
        Objects.requireNonNull(expectedPipelineId, "expectedPipelineId");
        final List<Long> ids = committedIds();
        for (int i = ids.size() - 1; i >= 0; i--)
        {
            final long checkpointId = ids.get(i);
            final Path manifest = CheckpointFiles.manifestFile(directory, checkpointId);
            try
            {
                final Checkpoint checkpoint = CheckpointManifest.decode(directory, checkpointId, read(manifest));
                if (!checkpoint.pipelineId().equals(expectedPipelineId))
                {
                    throw new CheckpointException("checkpoint directory " + directory + " holds checkpoints of " +
                        "pipeline '" + checkpoint.pipelineId() + "' (" + manifest.getFileName() + "), not of " +
                        "pipeline '" + expectedPipelineId + "': give each pipeline its own checkpoint directory");
                }
                if (checkpoint.inputSequence() > inputSequence)
                {
                    continue;
                }
                checkpoint.verifySnapshots();
                return Optional.of(checkpoint);
            }
            catch (final InvalidCheckpointException ex)
            {
                warnings.accept(manifest + ": " + ex.getMessage() + "; " + (i > 0 ?
                    "falling back to checkpoint " + ids.get(i - 1) :
                    "no older checkpoint: recovery starts from the beginning of the journal"));
            }
        }
        return Optional.empty();
    }

    /**
     * The input sequence before which no recovery from this store can go: the smallest input sequence of
     * the committed checkpoints whose manifest reads (one that does not can never be restored). What input
     * journal retention may delete below.
     *
     * @return that sequence, or empty when no checkpoint is committed (recovery would start from the beginning).
     */
    public OptionalLong oldestInputSequence()
    {
        long oldest = Long.MAX_VALUE;
        for (final long checkpointId : committedIds())
        {
            try
            {
                final Path manifest = CheckpointFiles.manifestFile(directory, checkpointId);
                oldest = Math.min(oldest, CheckpointManifest.decode(directory, checkpointId, read(manifest)).inputSequence());
            }
            catch (final InvalidCheckpointException ex)
            {
                // unreadable: never restored, so it holds nothing back
            }
        }
        return Long.MAX_VALUE == oldest ? OptionalLong.empty() : OptionalLong.of(oldest);
    }

    /**
     * @return the ids of the committed checkpoints, oldest first: those whose manifest is in place,
     * whether or not it is valid.
     * @throws CheckpointException if the directory cannot be listed.
     */
    public List<Long> committedIds()
    {
        return Collections.unmodifiableList(new ArrayList<>(scan().manifests));
    }

    /** @return the directory that holds the checkpoints. */
    public Path directory()
    {
        return directory;
    }

    Hooks hooks()
    {
        return hooks;
    }

    void checkIdIsNew(final long checkpointId)
    {
        final long newestCommittedId = scan().newestCommittedId();
        if (checkpointId <= newestCommittedId)
        {
            throw new CheckpointException("checkpoint id " + checkpointId + " is not above " + newestCommittedId +
                ", the newest committed in " + directory + ": checkpoint ids must increase");
        }
    }

    /**
     * Keep the newest {@code retain} committed checkpoints; delete older ones, manifest first so that none
     * is ever half deleted yet committed, and every leftover of an attempt older than the newest commit.
     * Attempts newer than it may still be in progress and are left alone.
     */
    void applyRetention()
    {
        final CheckpointFiles.Scan scan = scan();
        final long newestCommittedId = scan.newestCommittedId();
        int committedToKeep = retain;
        for (final long checkpointId : scan.manifests.descendingSet())
        {
            // A directory whose manifest could not be deleted stays: deleting it would leave a committed
            // checkpoint without its snapshots.
            if (committedToKeep > 0 || !delete(CheckpointFiles.manifestFile(directory, checkpointId)))
            {
                scan.directories.remove(checkpointId);
            }
            committedToKeep--;
        }
        for (final long checkpointId : scan.directories)
        {
            if (checkpointId < newestCommittedId)
            {
                delete(CheckpointFiles.checkpointDirectory(directory, checkpointId));
            }
        }
        for (final long checkpointId : scan.tempManifests)
        {
            if (checkpointId <= newestCommittedId)
            {
                delete(CheckpointFiles.tempFile(CheckpointFiles.manifestFile(directory, checkpointId)));
            }
        }
    }

    private boolean delete(final Path path)
    {
        try
        {
            CheckpointFiles.deleteTree(path);
            return true;
        }
        catch (final IOException ex)
        {
            warnings.accept("cannot delete " + path + ": " + ex + "; retried at the next commit");
            return false;
        }
    }

    private CheckpointFiles.Scan scan()
    {
        try
        {
            return CheckpointFiles.scan(directory);
        }
        catch (final IOException ex)
        {
            throw new CheckpointException("cannot list checkpoint directory " + directory + ": " + ex, ex);
        }
    }

    private static byte[] read(final Path manifest) throws InvalidCheckpointException
    {
        try
        {
            return Files.readAllBytes(manifest);
        }
        catch (final NoSuchFileException ex)
        {
            throw new InvalidCheckpointException("manifest vanished while being read");
        }
        catch (final IOException ex)
        {
            throw new InvalidCheckpointException("manifest cannot be read: " + ex);
        }
    }
}
