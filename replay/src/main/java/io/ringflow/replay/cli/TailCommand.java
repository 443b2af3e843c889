package io.ringflow.replay.cli;

import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringflow journal tail <dir>}: the last entries of a journal, then every new one as it is appended,
 * like {@code tail -f}. It reads with a Chronicle tailer, so it never slows the writer; it polls every
 * {@code --poll-ms} when it has caught up.
 * <p>
 * Threading: runs on the caller's thread until interrupted, {@code --for} has passed, or
 * {@code --max-entries} have been printed.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
        "Print the last entries of a journal, then follow it, printing new entries as they are appended, " +
            "until interrupted (Ctrl-C), --for has passed since it caught up, or --max-entries have been printed.",
        "Formats as for dump; -n counts entries before --key selects among them."},
    footer = {"", "Example: ringflow journal tail data/output --pipeline com.acme.FraudPipeline --format table"})
final class TailCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The journal's directory.")
    private Path directory;

    @Mixin
    private EntryOptions entryOptions;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
        description = "Start with the last N entries (default ${DEFAULT-VALUE}); 0 prints only new ones.")
    private long lines;

    @Option(names = "--for", paramLabel = "<duration>", converter = DurationConverter.class,
        description = "Stop this long after printing the entries already there: 500ms, 10s, 2m, 1h or " +
            "ISO-8601 (PT1M).")
    private Duration duration;

    @Option(names = "--max-entries", paramLabel = "N", description = "Stop after printing N entries in all.")
    private Long maxEntries;

    @Option(names = "--poll-ms", paramLabel = "ms", defaultValue = "50",
        description = "How long to sleep when there is nothing new (default ${DEFAULT-VALUE}).")
    private long pollMs;

    @Override
    public Integer call()
    {
        if (lines < 0 || pollMs < 1 || (null != maxEntries && maxEntries < 0))
        {
            throw new ParameterException(spec.commandLine(),
                "-n and --max-entries must not be negative, and --poll-ms must be at least 1");
        }
        final PipelineDefinition<?, ?> pipeline = entryOptions.pipeline();
        final EntryWriter writer = entryOptions.writer(pipeline, EntryFilter.byKey(entryOptions.key()));
        final PrintWriter out = spec.commandLine().getOut();
        final long forNs = null == duration ? Long.MAX_VALUE : duration.toNanos();
        final long limit = null == maxEntries ? Long.MAX_VALUE : maxEntries;
        final long pollNs = TimeUnit.MILLISECONDS.toNanos(pollMs);
        try (RawJournalReader reader = JournalDirectory.open(directory))
        {
            reader.toLast(lines);
            final RawJournalEntry entry = new RawJournalEntry();
            long printed = 0;
            // what is there already is printed whatever --for says: opening a journal in a fresh JVM can take
            // longer than a short --for
            while (printed < limit && reader.next(entry))
            {
                printed += writer.write(reader, entry) ? 1 : 0;
            }
            final long followStartNs = System.nanoTime();
            long leftNs;
            while (printed < limit && (leftNs = forNs - (System.nanoTime() - followStartNs)) > 0)
            {
                if (reader.next(entry))
                {
                    printed += writer.write(reader, entry) ? 1 : 0;
                }
                else
                {
                    out.flush();
                    if (!sleep(Math.min(pollNs, leftNs)))
                    {
                        break;
                    }
                }
            }
        }
        out.flush();
        return RingflowCli.EXIT_OK;
    }

    private static boolean sleep(final long ns)
    {
        try
        {
            TimeUnit.NANOSECONDS.sleep(ns);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
