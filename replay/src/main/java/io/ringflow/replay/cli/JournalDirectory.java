package io.ringflow.replay.cli;

import io.ringflow.journal.RawJournalReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the commands need of a journal's directory beyond its records: opening it for reading, and its roll
 * cycle files.
 * <p>
 * Threading: stateless.
 */
final class JournalDirectory
{
    private JournalDirectory()
    {
    }

    /**
     * @param directory a journal's directory.
     * @return a reader at its start.
     * @throws io.ringflow.journal.JournalException if it is missing, not a journal, or its first entry is corrupt.
     */
    static RawJournalReader open(final Path directory)
    {
        return new RawJournalReader(directory);
    }

    /**
     * @param directory a journal's directory.
     * @return its roll cycle files ({@code *.cq4}), one a cycle, in name order, which is cycle order.
     */
    static List<Path> cycleFiles(final Path directory)
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".cq4")).sorted()
                .collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new BadInputException("cannot list journal directory " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @param file a file.
     * @return its length in bytes.
     */
    static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new BadInputException("cannot read the size of " + file + ": " + ex.getMessage(), ex);
        }
    }
}
