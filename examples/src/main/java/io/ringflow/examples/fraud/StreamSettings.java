package io.ringflow.examples.fraud;

import io.ringflow.examples.DemoOptions.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generator settings a journal directory was started with ({@code stream.properties}): a restarted
 * demo continues the generated stream where the journal ends, which only makes sense with the same seed
 * and number of cards. A different one is refused, naming both, instead of silently journaling another
 * stream after the first.
 */
final class StreamSettings
{
    static final String FILE = "stream.properties";

    private StreamSettings()
    {
    }

    /**
     * Record the settings in a new journal directory, or check them against an existing one's.
     *
     * @param dir     the journal directory.
     * @param options this run's options.
     * @throws UsageException if the directory was started with other settings.
     */
    static void check(final Path dir, final FraudOptions options)
    {
        final String wanted = "seed=" + options.seed + "\ncards=" + options.cards + "\n";
        final Path file = dir.resolve(FILE);
        try
        {
            if (Files.exists(file))
            {
                final String found = Files.readString(file, StandardCharsets.UTF_8);
                if (!found.equals(wanted))
                {
                    throw new UsageException("the journals in " + dir + " hold a stream generated with " +
                        found.trim().replace('\n', ' ') + "; this run asks for " + wanted.trim().replace('\n', ' ') +
                        ": give the same --seed and --cards to continue it, or a new --journal-dir");
                }
                return;
            }
            Files.createDirectories(dir);
            Files.writeString(file, wanted, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read or write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
