package io.ringflow.perf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code report.md}: the targets first, then one table per group of measures, then the plots. */
final class MarkdownReport
{
    private final SuiteInputs inputs;
    private final List<Measure> measures;
    private final List<String> charts;
    private final StringBuilder text = new StringBuilder();

    /**
     * @param inputs   the run.
     * @param measures its measures.
     * @param charts   the PNG files written beside the report.
     */
    MarkdownReport(final SuiteInputs inputs, final List<Measure> measures, final List<String> charts)
    {
        this.inputs = inputs;
        this.measures = measures;
        this.charts = charts;
    }

    /**
     * @param file where to write.
     */
    void write(final Path file)
    {
        header();
        targets();
        engineSection(Measures.NEXMARK_SINGLE, "Nexmark, one thread: Ringflow's fused operator chain against a hand-written loop",
            "Events per second through the query with no thread hand-off (`NexmarkBenchmark`); the hand-written loop " +
            "over primitive arrays is the physical limit the fused chain should approach. Allocation is JMH's " +
            "`gc.alloc.rate.norm` per event (under 0.1 B/event is JMH's own bookkeeping: nothing per event).");
        engineSection(Measures.NEXMARK_PIPELINE, "Nexmark, two threads: producer → ring → one busy-spinning consumer",
            "The same queries behind a thread hand-off (`NexmarkPipelineBenchmark`): Ringflow's runtime, a raw " +
            "Disruptor and an `ArrayBlockingQueue`, each consumer running the query; ratios against the raw Disruptor. " +
            "Events per wall-clock second with two threads: the busy-spinning engines keep both CPUs busy, the queue's " +
            "consumer parks when it runs dry. With two CPUs for two spinning threads and one fork per round, a round " +
            "settles in one of two modes (see the one-to-one hops in perf/README.md), so these figures swing between " +
            "rounds; the ratio column is the median of the rounds' ratios, not the ratio of the columns.");
        engineSection(Measures.PEERS, "Peer engines: events per CPU-second",
            "Ringflow and each peer on the same generated events, interleaved run by run, every run's results " +
            "fingerprinted and required equal (equal work); events per second of whole-process CPU time.");
        inputs.peers().problems().forEach(problem -> text.append("* ").append(problem).append('\n'));
        latency();
        components();
        plots();
        try
        {
            Files.writeString(file, text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private void header()
    {
        text.append("# Ringflow performance suite, ").append(inputs.describe("date", "date unknown")).append("\n\n");
        text.append("* Mode: ").append(inputs.describe("mode", "?")).append(", ")
            .append(inputs.describe("rounds", "?")).append(" round(s); started ")
            .append(inputs.describe("started", "?")).append(", took ").append(inputs.describe("took", "?")).append('\n');
        text.append("* Machine: ").append(inputs.describe("machine", "?")).append('\n');
        text.append("* JVM: ").append(inputs.describe("jvm", "?")).append('\n');
        text.append("* Command: `").append(inputs.describe("command", "perf/bin/suite")).append("`\n");
        text.append("* Raw results: `raw/` (JMH JSON per round, HdrHistogram interval logs, peer figures); ")
            .append("every figure below is read from them by `io.ringflow.perf.report.SuiteReport`.\n\n");
        text.append("A ratio is Ringflow / other, the median of per-round ratios (both ran in each round, one after ")
            .append("the other); for latency, lower is better, so a ratio below 1 favours Ringflow.\n\n");
    }

    private void targets()
    {
        text.append("## Issue 6's targets on this machine\n\n| target | figure | met |\n|---|---:|---|\n");
        for (final Target target : Target.ISSUE_6)
        {
            target.find(measures).ifPresentOrElse(
                found -> text.append("| ").append(target.description()).append(" | ")
                    .append(target.other() == null ? number(target.figure(found)) + " " + found.unit() :
                        ratio(target.figure(found)))
                    .append(" | ").append(target.met(found) ? "yes" : "**no**").append(" |\n"),
                () -> text.append("| ").append(target.description()).append(" | | not measured in this run |\n"));
        }
        text.append('\n');
    }

    private void engineSection(final String group, final String title, final String explanation)
    {
        final List<Measure> rows = measures.stream().filter(m -> m.group().equals(group)).toList();
        text.append("## ").append(title).append("\n\n");
        if (rows.isEmpty())
        {
            text.append("Not run in this suite run.\n\n");
            return;
        }
        text.append(explanation).append("\n\n");
        new EngineTable(rows).appendTo(text);
    }

    private void components()
    {
        final List<Measure> rows = measures.stream().filter(m -> m.group().equals(Measures.OPERATORS)).toList();
        text.append("## Components (JMH)\n\n");
        if (rows.isEmpty())
        {
            text.append("Not run in this suite run.\n\n");
            return;
        }
        text.append("Every other benchmark of the run, median over rounds, as JMH reports it: records or operations per ")
            .append("second (one thread, except the one-to-one ring hops: a producer and a consumer), or time per ")
            .append("operation; allocation per operation from `-prof gc`.\n\n");
        text.append("| benchmark | engine | score | allocation |\n|---|---|---:|---:|\n");
        for (final Measure row : rows)
        {
            if (row.name().endsWith(" allocation"))
            {
                continue;
            }
            text.append("| ").append(row.name()).append(" | ").append(row.engine()).append(" | ")
                .append(number(row.value())).append(' ').append(row.unit()).append(" | ");
            rows.stream().filter(m -> m.name().equals(row.name() + " allocation")).findFirst()
                .ifPresent(m -> text.append(number(m.value())).append(" B/op"));
            text.append(" |\n");
        }
        text.append('\n');
    }

    private void latency()
    {
        text.append("## Latency: open loop at fixed offered rates (µs, from each record's intended send time)\n\n");
        final List<LatencyRun> first = inputs.latency().stream().filter(r -> r.round() == 1)
            .sorted(Comparator.comparingLong(LatencyRun::rate).thenComparing(LatencyRun::subject)).toList();
        if (first.isEmpty())
        {
            text.append("Not run in this suite run.\n\n");
            return;
        }
        text.append("`perf/bin/latency`: records stamped with their intended send time, latency recorded from it ")
            .append("(coordinated omission accounted for), warm-up excluded; a hiccup meter on its own thread records ")
            .append("what the machine itself stalled (its p99.9 and max in the last columns). Round 1 shown; the ")
            .append("ratio column is the median over rounds of p99 / the p99 of the raw Disruptor doing the same work ")
            .append("(`disruptor` for a bare hop, `disruptor-q1` for Q1) at the same rate.\n\n");
        text.append("| rate/s | subject | records | p50 | p90 | p99 | p99.9 | p99.99 | max | p99 / Disruptor's | hiccup p99.9 | hiccup max |\n");
        text.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final LatencyRun run : first)
        {
            text.append("| ").append(String.format(Locale.ROOT, "%,d", run.rate())).append(" | ").append(run.subject())
                .append(" | ").append(String.format(Locale.ROOT, "%,d", run.latency().getTotalCount()));
            for (final double percentile : LatencyRun.PERCENTILES)
            {
                text.append(" | ").append(number(run.micros(percentile)));
            }
            text.append(" | ").append(number(run.maxMicros())).append(" | ");
            measures.stream()
                .filter(m -> m.group().equals(Measures.LATENCY) && m.engine().equals(run.subject()) &&
                    m.name().equals("p99 at " + run.rate() + "/s") && m.compared())
                .findFirst().ifPresent(m -> text.append(ratio(m.ratio())));
            text.append(" | ").append(number(run.hiccups().getValueAtPercentile(99.9) / 1e3)).append(" | ")
                .append(number(run.hiccups().getMaxValue() / 1e3)).append(" |\n");
        }
        text.append('\n');
    }

    private void plots()
    {
        if (charts.isEmpty())
        {
            return;
        }
        text.append("## Plots\n\n");
        for (final String chart : charts)
        {
            text.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
    }

    /** Three significant figures, thousands separated: 12,300,000 / 4.56 / 0.0123. */
    static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "n/a";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 100)
        {
            final double scale = Math.pow(10, Math.floor(Math.log10(magnitude)) - 2);
            return String.format(Locale.ROOT, "%,.0f", Math.round(value / scale) * scale);
        }
        if (magnitude >= 10)
        {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0)
        {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String ratio(final double ratio)
    {
        return Double.isNaN(ratio) ? "n/a" : number(ratio) + "×";
    }
}
