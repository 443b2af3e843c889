package io.ringflow.journal.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import static io.ringflow.journal.checkpoint.CheckpointManifestDescriptor.MAX_SNAPSHOT_NAME_LENGTH;

/**
 * File names and file-system chores of a checkpoint directory:
 * <pre>
 *   checkpoint-0000000000000000042.manifest        committed: the manifest was renamed into place
 *   checkpoint-0000000000000000042/window.snap     its snapshots
 *   checkpoint-0000000000000000043.manifest.tmp    a manifest being written, or left by a crash
 *   checkpoint-0000000000000000043/                a checkpoint being written, or left by a crash
 * </pre>
 * Ids are zero-padded to 19 digits so that names sort as ids do. Anything else in the directory is not
 * ours and is left alone.
 */
final class CheckpointFiles
{
    static final String PREFIX = "checkpoint-";
    static final String MANIFEST_SUFFIX = ".manifest";
    static final String SNAPSHOT_SUFFIX = ".snap";
    static final String TEMP_SUFFIX = ".tmp";

    private static final int ID_DIGITS = 19;
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int COPY_BUFFER_LENGTH = 64 * 1024;

    private CheckpointFiles()
    {
    }

    static String idString(final long checkpointId)
    {
        return String.format("%0" + ID_DIGITS + "d", checkpointId);
    }

    static Path checkpointDirectory(final Path storeDirectory, final long checkpointId)
    {
        return storeDirectory.resolve(PREFIX + idString(checkpointId));
    }

    static Path manifestFile(final Path storeDirectory, final long checkpointId)
    {
        return storeDirectory.resolve(PREFIX + idString(checkpointId) + MANIFEST_SUFFIX);
    }

    static String snapshotFileName(final String name)
    {
        return name + SNAPSHOT_SUFFIX;
    }

    static Path tempFile(final Path file)
    {
        return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    }

    static boolean isValidSnapshotName(final String name)
    {
        return name.length() <= MAX_SNAPSHOT_NAME_LENGTH && SNAPSHOT_NAME.matcher(name).matches();
    }

    /**
     * @param fileName a file name.
     * @param suffix   what must follow the id: "" for a checkpoint directory.
     * @return the id if the name is {@code checkpoint-<19 digits><suffix>}, else -1.
     */
    static long parseId(final String fileName, final String suffix)
    {
        if (fileName.length() != PREFIX.length() + ID_DIGITS + suffix.length() ||
            !fileName.startsWith(PREFIX) || !fileName.endsWith(suffix))
        {
            return -1;
        }
        long id = 0;
        for (int i = PREFIX.length(), end = PREFIX.length() + ID_DIGITS; i < end; i++)
        {
            final char c = fileName.charAt(i);
            if (c < '0' || c > '9' || id > (Long.MAX_VALUE - (c - '0')) / 10)
            {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** What a store directory holds, by kind, each set of ids ascending. */
    static final class Scan
    {
        final TreeSet<Long> manifests = new TreeSet<>();
        final TreeSet<Long> tempManifests = new TreeSet<>();
        final TreeSet<Long> directories = new TreeSet<>();

        long newestCommittedId()
        {
            return manifests.isEmpty() ? -1 : manifests.last();
        }
    }

    static Scan scan(final Path storeDirectory) throws IOException
    {
        final Scan scan = new Scan();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(storeDirectory, PREFIX + "*"))
        {
            for (final Path path : stream)
            {
                final String name = path.getFileName().toString();
                long id;
                if ((id = parseId(name, MANIFEST_SUFFIX)) >= 0)
                {
                    scan.manifests.add(id);
                }
                else if ((id = parseId(name, MANIFEST_SUFFIX + TEMP_SUFFIX)) >= 0)
                {
                    scan.tempManifests.add(id);
                }
                else if ((id = parseId(name, "")) >= 0 && Files.isDirectory(path))
                {
                    scan.directories.add(id);
                }
            }
        }
        return scan;
    }

    /**
     * Make a directory's entries (creations, renames) durable. Some platforms (Windows) refuse to open a
     * directory; their file systems journal metadata, so the renames are durable without it.
     */
    static void forceDirectory(final Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ignore)
        {
            // Tolerated: see above.
        }
    }

    static void writeFully(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            channel.write(buffer);
        }
    }

    /** Delete a file or a directory with everything in it; a missing one is not an error. */
    static void deleteTree(final Path path) throws IOException
    {
        try
        {
            Files.walkFileTree(path, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
                {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
                {
                    if (ex != null)
                    {
                        throw ex;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final NoSuchFileException ignore)
        {
            // Already gone.
        }
    }

    /**
     * Check a snapshot file against its manifest entry, streaming it rather than loading it.
     *
     * @throws InvalidCheckpointException saying what is wrong, naming the snapshot's file name.
     */
    static void verifySnapshot(final Path checkpointDirectory, final SnapshotEntry entry)
        throws InvalidCheckpointException
    {
        final Path file = checkpointDirectory.resolve(entry.fileName());
        final CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size != entry.length())
            {
                throw new InvalidCheckpointException(lengthMismatch(entry, size));
            }
            final ByteBuffer buffer = ByteBuffer.allocate((int)Math.min(COPY_BUFFER_LENGTH, Math.max(1, size)));
            while (channel.read(buffer) > 0)
            {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        catch (final NoSuchFileException ex)
        {
            throw new InvalidCheckpointException(missing(entry, checkpointDirectory));
        }
        catch (final IOException ex)
        {
            throw new InvalidCheckpointException("snapshot '" + entry.fileName() + "' cannot be read: " + ex);
        }
        final int computed = (int)crc.getValue();
        if (computed != entry.crc())
        {
            throw new InvalidCheckpointException(checksumMismatch(entry, computed));
        }
    }

    static String missing(final SnapshotEntry entry, final Path checkpointDirectory)
    {
        return "snapshot '" + entry.fileName() + "' is missing from " + checkpointDirectory;
    }

    static String lengthMismatch(final SnapshotEntry entry, final long actualLength)
    {
        return "snapshot '" + entry.fileName() + "' holds " + actualLength + " bytes but the manifest says " +
            entry.length() + " (truncated or overwritten)";
    }

    static String checksumMismatch(final SnapshotEntry entry, final int computed)
    {
        return String.format("snapshot '%s' checksum mismatch (stored 0x%08x, computed 0x%08x)",
            entry.fileName(), entry.crc(), computed);
    }
}
