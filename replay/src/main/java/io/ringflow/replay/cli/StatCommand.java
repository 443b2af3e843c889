package io.ringflow.replay.cli;

import io.ringflow.pipeline.metrics.CountersFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringflow stat <counters-file>}: the live counters of a running pipeline, from the memory-mapped file
 * its {@code .counters(path)} names, refreshed every {@code --interval}. On a terminal each refresh redraws
 * the screen in place (ANSI cursor movement); otherwise (a pipe, a file) refreshes follow each other as
 * plain lines, separated by a blank line. Reading maps the file read-only and never disturbs the pipeline.
 * <p>
 * Threading: runs on the caller's thread until interrupted or {@code --count} refreshes have been shown.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Show a running pipeline's counters, per stage: records in and out with their rates between " +
            "refreshes, ring occupancy and high-water mark, back-pressure waits, watermark and watermark lag, " +
            "late records, errors, dead letters; and per pipeline: records accepted, back-pressured and " +
            "rejected calls.",
        "Refreshes in place on a terminal, line by line when output is piped."},
    footer = {"", "Example: ringflow stat /tmp/fraud-counters.dat --interval 500"})
final class StatCommand implements Callable<Integer>
{
    private final boolean interactive;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<counters-file>",
        description = "The counters file the pipeline was built with (.counters(path)).")
    private Path file;

    @Option(names = "--interval", paramLabel = "ms", defaultValue = "1000",
        description = "Milliseconds between refreshes (default ${DEFAULT-VALUE}).")
    private long intervalMs;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "Stop after N refreshes; 0 (the default) runs until interrupted.")
    private long count;

    @Option(names = "--no-ansi", description = "Print refreshes as plain lines even on a terminal.")
    private boolean noAnsi;

    StatCommand(final boolean interactive)
    {
        this.interactive = interactive;
    }

    @Override
    public Integer call()
    {
        if (intervalMs < 1 || count < 0)
        {
            throw new ParameterException(spec.commandLine(), "--interval must be at least 1 and --count not negative");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final boolean inPlace = interactive && !noAnsi;
        try (CountersFileReader reader = open(file))
        {
            CountersSnapshot previous = null;
            int previousLines = 0;
            for (long refresh = 1; ; refresh++)
            {
                final CountersSnapshot now = CountersSnapshot.take(reader, System.nanoTime());
                final List<String> lines = CountersScreen.render(heading(reader, refresh), now, previous);
                if (inPlace && previousLines > 0)
                {
                    out.print(String.format(Terminal.CURSOR_UP_FORMAT, previousLines) + '\r' + Terminal.ERASE_BELOW);
                }
                else if (!inPlace && refresh > 1)
                {
                    out.println();
                }
                lines.forEach(out::println);
                out.flush();
                previous = now;
                previousLines = lines.size();
                if ((count > 0 && refresh >= count) || !sleep(intervalMs))
                {
                    break;
                }
            }
        }
        return RingflowCli.EXIT_OK;
    }

    private String heading(final CountersFileReader reader, final long refresh)
    {
        return "counters " + file + "  writer pid " + reader.pid() + (reader.isWriterAlive() ? " (running)" :
            " (not running)") + "  refresh " + refresh + " every " + intervalMs + " ms";
    }

    private static CountersFileReader open(final Path file)
    {
        try
        {
            return CountersFileReader.open(file);
        }
        catch (final IllegalStateException | UncheckedIOException ex)
        {
            // the reader's messages name the file and the problem; they are bad input, not a failure of stat
            throw new BadInputException(ex.getMessage(), ex);
        }
    }

    private static boolean sleep(final long ms)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(ms);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
