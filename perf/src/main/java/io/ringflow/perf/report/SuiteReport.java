package io.ringflow.perf.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a suite run's report from its raw results: {@code report.md}, {@code summary.json} and the PNG plots
 * ({@code latency-<rate>.png} per offered rate, {@code nexmark-single-thread.png}, {@code nexmark-peers.png},
 * {@code nexmark-two-threads.png}), all beside {@code raw/}. Run by {@code perf/bin/suite} after the
 * measurements; run it again on its own to rewrite a report: {@code java -cp perf/target/benchmarks.jar
 * io.ringflow.perf.report.SuiteReport perf/results/<date>}.
 * <p>
 * Threading: a command-line program; one thread.
 */
public final class SuiteReport
{
    private SuiteReport()
    {
    }

    /**
     * @param args the results directory.
     */
    public static void main(final String[] args)
    {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]).resolve("raw")))
        {
            System.err.println("usage: SuiteReport <results directory holding raw/>" +
                (args.length == 1 ? " (" + args[0] + "/raw is not a directory)" : ""));
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        final List<String> written = write(Path.of(args[0]));
        System.out.println("report: " + Path.of(args[0]).resolve("report.md") + " (+ " + String.join(", ", written) + ")");
    }

    /**
     * @param directory a results directory with {@code raw/}.
     * @return the files written, names relative to it.
     */
    static List<String> write(final Path directory)
    {
        final SuiteInputs inputs = SuiteInputs.read(directory);
        final List<Measure> measures = Measures.of(inputs);
        final List<String> charts = new ArrayList<>();
        latencyCharts(inputs, directory, charts);
        barChart(measures, Measures.NEXMARK_SINGLE, "Nexmark, one thread: events/s", "events/s", directory, charts);
        barChart(measures, Measures.NEXMARK_PIPELINE, "Nexmark, two threads: events/s", "events/s", directory, charts);
        barChart(measures, Measures.PEERS, "Nexmark against peer engines: events per CPU-second", "events/CPU-s",
            directory, charts);
        new MarkdownReport(inputs, measures, charts).write(directory.resolve("report.md"));
        SummaryJson.write(inputs, measures, directory.resolve("summary.json"));
        final List<String> written = new ArrayList<>(List.of("summary.json"));
        written.addAll(charts);
        return written;
    }

    private static void latencyCharts(final SuiteInputs inputs, final Path directory, final List<String> charts)
    {
        inputs.latency().stream().filter(r -> r.round() == 1).map(LatencyRun::rate).distinct().sorted().forEach(rate ->
        {
            final PercentileChart chart = new PercentileChart(String.format(
                "Latency by percentile at %,d records/s (open loop, round 1)", rate));
            inputs.latency().stream().filter(r -> r.round() == 1 && r.rate() == rate)
                .forEach(r -> chart.add(r.subject(), r.latency()));
            final String name = "latency-" + rate + ".png";
            if (chart.write(directory.resolve(name)))
            {
                charts.add(name);
            }
        });
    }

    /** One bar per engine per query: the measured engine's value, and each compared engine's. */
    private static void barChart(
        final List<Measure> measures, final String group, final String title, final String unit, final Path directory,
        final List<String> charts)
    {
        final BarChart chart = new BarChart(title, unit);
        for (final Measure measure : measures)
        {
            if (!measure.group().equals(group) || !measure.unit().equals(unit))
            {
                continue;
            }
            final String query = measure.name().substring(0, measure.name().indexOf(' '));
            chart.add(query, measure.engine(), measure.value());
            if (measure.compared())
            {
                chart.add(query, measure.other(), measure.otherValue());
            }
        }
        final String name = group + ".png";
        if (chart.write(directory.resolve(name)))
        {
            charts.add(name);
        }
    }
}
