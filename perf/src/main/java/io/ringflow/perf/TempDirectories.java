package io.ringflow.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for the benchmarks and latency subjects that write journals and checkpoints: made
 * under {@code java.io.tmpdir} in set-up, deleted in tear-down, never on a measured path. Public so that
 * {@code io.ringflow.perf.journal} and {@code io.ringflow.perf.latency} share one copy; I/O failures
 * surface as {@link UncheckedIOException} naming the path, since a benchmark cannot recover from them.
 * <p>
 * Threading: stateless; close the journals in a directory (on their threads) before deleting it.
 */
public final class TempDirectories
{
    private TempDirectories()
    {
    }

    /**
     * @param prefix names the benchmark or subject in the directory's name.
     * @return a new, empty directory under {@code java.io.tmpdir}.
     */
    public static Path create(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory under " + System.getProperty("java.io.tmpdir"), ex);
        }
    }

    /**
     * Delete a file, or a directory and everything under it.
     *
     * @param path a file or directory, or null or absent (nothing to do).
     */
    public static void deleteRecursively(final Path path)
    {
        if (null == path || !Files.exists(path))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(path))
        {
            // deepest first: a directory must be empty when it is deleted
            for (final Path each : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(each);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + path, ex);
        }
    }

    /**
     * Copy a directory tree, such as a checkpoint directory kept pristine between invocations.
     *
     * @param from an existing directory.
     * @param to   where the copy goes; must not exist (its parent must).
     */
    public static void copyRecursively(final Path from, final Path to)
    {
        try (Stream<Path> paths = Files.walk(from))
        {
            // walk() yields a directory before its contents, so each parent exists when its children are copied
            for (final Path path : (Iterable<Path>)paths::iterator)
            {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, ex);
        }
    }
}
