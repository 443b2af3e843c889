package io.ringflow.replay.cli;

import io.ringflow.journal.OutputJournalSink;
import io.ringflow.operators.record.RecordCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A new output journal for {@code replay --out}: refused if the directory already holds files, since the
 * sink would then verify against them instead of writing.
 * <p>
 * Threading: stateless.
 */
final class OutputDirectory
{
    private OutputDirectory()
    {
    }

    static <O> OutputJournalSink<O> create(final Path directory, final RecordCodec<O> codec)
    {
        if (Files.exists(directory))
        {
            try (Stream<Path> files = Files.list(directory))
            {
                if (files.findAny().isPresent())
                {
                    throw new BadInputException("--out " + directory + " is not empty: give a new or empty directory");
                }
            }
            catch (final IOException ex)
            {
                throw new BadInputException("--out " + directory + ": " + ex.getMessage(), ex);
            }
        }
        return new OutputJournalSink<>(directory, codec, -1);
    }
}
