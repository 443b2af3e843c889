package io.ringflow.perf.report;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the latency harness's interval logs ({@code <subject>-<rate>.hlog} and {@code <subject>-<rate>-hiccup.hlog},
 * HdrHistogram's log format) from one directory per round into {@link LatencyRun}s.
 */
final class LatencyLogs
{
    private static final Pattern LOG_NAME = Pattern.compile("(.+)-(\\d+)\\.hlog");
    private static final String HICCUP_SUFFIX = "-hiccup.hlog";

    private LatencyLogs()
    {
    }

    /**
     * @param roundDirectories the harness's output directory of each round, round 1 first.
     * @return every run found, by round, then subject and rate in the order the file names sort.
     */
    static List<LatencyRun> read(final List<Path> roundDirectories)
    {
        final List<LatencyRun> runs = new ArrayList<>();
        for (int round = 1; round <= roundDirectories.size(); round++)
        {
            for (final Path log : latencyLogs(roundDirectories.get(round - 1)))
            {
                final Matcher name = LOG_NAME.matcher(log.getFileName().toString());
                if (!name.matches())
                {
                    continue;
                }
                final Path hiccupLog = log.resolveSibling(name.group(1) + "-" + name.group(2) + HICCUP_SUFFIX);
                runs.add(new LatencyRun(name.group(1), Long.parseLong(name.group(2)), round, measured(log),
                    Files.exists(hiccupLog) ? measured(hiccupLog) : new Histogram(3)));
            }
        }
        return runs;
    }

    private static List<Path> latencyLogs(final Path directory)
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(f -> f.getFileName().toString().endsWith(".hlog"))
                .filter(f -> !f.getFileName().toString().endsWith(HICCUP_SUFFIX))
                .sorted(Comparator.comparing(Path::toString))
                .toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list latency logs in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /** Add up the intervals without a tag: the harness tags its warm-up intervals {@code warmup}. */
    static Histogram measured(final Path log)
    {
        final Histogram total = new Histogram(3);
        final HistogramLogReader reader;
        try
        {
            reader = new HistogramLogReader(log.toFile());
        }
        catch (final FileNotFoundException ex)
        {
            throw new UncheckedIOException("latency log " + log + " is missing", ex);
        }
        try
        {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null)
            {
                if (interval.getTag() == null && interval instanceof Histogram histogram)
                {
                    total.add(histogram);
                }
            }
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("latency log " + log + " is not a readable HdrHistogram log: " + ex, ex);
        }
        finally
        {
            reader.close();
        }
        if (total.getTotalCount() == 0)
        {
            throw new IllegalArgumentException("latency log " + log + " holds no measurement interval");
        }
        return total;
    }
}
