package io.ringflow.perf.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Turns the suite's raw results into the {@link Measure}s that {@code summary.json} lists and the report's
 * tables show. Each comparison pairs Ringflow with the baseline that ran beside it in the same rounds.
 */
final class Measures
{
    static final String NEXMARK_SINGLE = "nexmark-single-thread";
    static final String NEXMARK_PIPELINE = "nexmark-two-threads";
    static final String PEERS = "nexmark-peers";
    static final String LATENCY = "latency";
    static final String HICCUPS = "hiccups";
    static final String OPERATORS = "components";
    static final String RINGFLOW = "ringflow";
    /** The hand-written single-thread loop: the physical limit the fused chain is compared with. */
    static final String HANDWRITTEN = "handwritten";
    /** The raw Disruptor two-thread pipeline: the baseline of every two-thread figure and of latency. */
    static final String DISRUPTOR = "disruptor";

    private static final String NEXMARK_BENCHMARK = "NexmarkBenchmark.";
    private static final String PIPELINE_BENCHMARK = "NexmarkPipelineBenchmark.";

    private Measures()
    {
    }

    /**
     * @param inputs what the suite ran.
     * @return every measure: Nexmark single-thread and two-thread against their baselines, peers, latency
     *         against the raw Disruptor at the same rate, and every other benchmark on its own.
     */
    static List<Measure> of(final SuiteInputs inputs)
    {
        final List<Measure> measures = new ArrayList<>();
        compareEngines(inputs.jmh(), NEXMARK_BENCHMARK, NEXMARK_SINGLE, HANDWRITTEN, measures);
        compareEngines(inputs.jmh(), PIPELINE_BENCHMARK, NEXMARK_PIPELINE, DISRUPTOR, measures);
        measures.addAll(inputs.peers().measures());
        latency(inputs.latency(), measures);
        components(inputs.jmh(), measures);
        return measures;
    }

    /** Per query, every engine's events/s and allocation, compared with the baseline engine. */
    private static void compareEngines(
        final JmhResults jmh, final String prefix, final String group, final String baseline, final List<Measure> into)
    {
        for (final JmhResult result : jmh.all())
        {
            if (!result.benchmark().startsWith(prefix) || !result.params().containsKey("engine"))
            {
                continue;
            }
            final String engine = result.params().get("engine");
            final String query = result.params().getOrDefault("query", "?");
            final Optional<JmhResult> base = engine.equals(baseline) ? Optional.empty() :
                jmh.find(result.benchmark(), Map.of("query", query, "engine", baseline));
            into.add(base.isEmpty() ?
                Measure.alone(group, query + " events/s", engine, result.medianScore(), "events/s", true) :
                new Measure(group, query + " events/s", engine, result.medianScore(), "events/s", baseline,
                    base.get().medianScore(), result.medianRatioTo(base.get()), true));
            if (!Double.isNaN(result.medianAllocation()))
            {
                into.add(Measure.alone(group, query + " allocation", engine, result.medianAllocation(), "B/event", false));
            }
        }
    }

    /** Each subject's percentiles at each rate, compared with the raw Disruptor doing the same work in the same round. */
    private static void latency(final List<LatencyRun> runs, final List<Measure> into)
    {
        final List<LatencyRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(LatencyRun::rate).thenComparing(LatencyRun::subject));
        for (final LatencyRun run : sorted)
        {
            if (run.round() != 1)
            {
                continue;   // one row per subject and rate; the other rounds enter through the ratios
            }
            for (final double percentile : LatencyRun.PERCENTILES)
            {
                into.add(latencyMeasure(runs, run, "p" + format(percentile), r -> r.micros(percentile)));
            }
            into.add(latencyMeasure(runs, run, "max", LatencyRun::maxMicros));
            into.add(Measure.alone(HICCUPS, "p99.9 at " + run.rate() + "/s", run.subject(),
                run.hiccups().getValueAtPercentile(99.9) / 1e3, "µs", false));
        }
    }

    private static Measure latencyMeasure(
        final List<LatencyRun> runs, final LatencyRun first, final String what, final ToDoubleFunction<LatencyRun> figure)
    {
        final String name = what + " at " + first.rate() + "/s";
        final List<Double> values = new ArrayList<>();
        final List<Double> baseline = new ArrayList<>();
        final List<Double> paired = new ArrayList<>();
        for (final LatencyRun run : runs)
        {
            if (run.subject().equals(first.subject()) && run.rate() == first.rate())
            {
                values.add(figure.applyAsDouble(run));
                runs.stream()
                    .filter(r -> r.subject().equals(baseline(first.subject())) && r.rate() == run.rate() &&
                        r.round() == run.round())
                    .findFirst()
                    .ifPresent(base ->
                    {
                        paired.add(figure.applyAsDouble(run));
                        baseline.add(figure.applyAsDouble(base));
                    });
            }
        }
        final double value = Rounds.median(values);
        if (first.subject().equals(baseline(first.subject())) || baseline.isEmpty())
        {
            return Measure.alone(LATENCY, name, first.subject(), value, "µs", false);
        }
        return new Measure(LATENCY, name, first.subject(), value, "µs", baseline(first.subject()),
            Rounds.median(baseline), Rounds.medianRatio(paired, baseline), false);
    }

    /**
     * The raw Disruptor subject doing the same work: {@code ringflow} and {@code blocking-queue} hop records
     * as {@code disruptor} does; {@code ringflow-q1} and {@code blocking-queue-q1} run Q1 as {@code disruptor-q1}.
     *
     * @param subject a latency subject.
     * @return the subject it is compared with (itself for a Disruptor subject or one of unknown shape).
     */
    static String baseline(final String subject)
    {
        for (final String engine : List.of(RINGFLOW, "blocking-queue", DISRUPTOR))
        {
            if (subject.equals(engine) || subject.startsWith(engine + "-"))
            {
                return DISRUPTOR + subject.substring(engine.length());
            }
        }
        return subject;
    }

    /** Every benchmark that is not a Nexmark comparison: its score and allocation on their own. */
    private static void components(final JmhResults jmh, final List<Measure> into)
    {
        for (final JmhResult result : jmh.all())
        {
            if (result.benchmark().startsWith(NEXMARK_BENCHMARK) || result.benchmark().startsWith(PIPELINE_BENCHMARK))
            {
                continue;
            }
            final String name = result.benchmark() + (result.params().isEmpty() ? "" : " " + result.params());
            final String engine = engineOf(result.benchmark());
            final boolean timePerOperation = result.unit().endsWith("/op");
            into.add(Measure.alone(OPERATORS, name, engine, result.medianScore(), result.unit(), !timePerOperation));
            if (!Double.isNaN(result.medianAllocation()))
            {
                into.add(Measure.alone(OPERATORS, name + " allocation", engine, result.medianAllocation(), "B/op", false));
            }
        }
    }

    /** The ring benchmarks' baselines are named after what they run; everything else is Ringflow's. */
    static String engineOf(final String benchmark)
    {
        if (benchmark.startsWith("RawDisruptor"))
        {
            return DISRUPTOR;
        }
        return benchmark.startsWith("BlockingQueue") ? "blocking-queue" : RINGFLOW;
    }

    /** 99.9 → "99.9", 50 → "50". */
    static String format(final double percentile)
    {
        return percentile == Math.rint(percentile) ? Long.toString((long)percentile) : Double.toString(percentile);
    }
}
