package io.ringflow.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JMH results of the suite's rounds: one JSON file per round ({@code -rf json}), each holding the same
 * benchmarks, merged into one {@link JmhResult} per benchmark and parameter set.
 */
final class JmhResults
{
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private final List<JmhResult> results;

    private JmhResults(final List<JmhResult> results)
    {
        this.results = results;
    }

    /**
     * @param roundFiles one JMH JSON result file per round, in round order (round 1 first).
     * @return the merged results.
     * @throws UncheckedIOException naming the file that cannot be read or is not JMH's JSON.
     */
    static JmhResults read(final List<Path> roundFiles)
    {
        final ObjectMapper json = new ObjectMapper();
        final Map<String, Builder> byIdentity = new LinkedHashMap<>();
        for (int round = 1; round <= roundFiles.size(); round++)
        {
            final Path file = roundFiles.get(round - 1);
            final JsonNode runs;
            try
            {
                runs = json.readTree(Files.readAllBytes(file));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read JMH results " + file + ": " + ex.getMessage(), ex);
            }
            if (runs == null || !runs.isArray())
            {
                throw new IllegalArgumentException(file + " is not a JMH JSON result file (expected an array of runs)");
            }
            for (final JsonNode run : runs)
            {
                add(byIdentity, run, round, file);
            }
        }
        final List<JmhResult> results = new ArrayList<>();
        byIdentity.values().forEach(builder -> results.add(builder.build()));
        return new JmhResults(results);
    }

    private static void add(final Map<String, Builder> byIdentity, final JsonNode run, final int round, final Path file)
    {
        final String benchmark = shortName(text(run, "benchmark", file));
        final SortedMap<String, String> params = new TreeMap<>();
        final JsonNode paramNode = run.get("params");
        if (paramNode != null)
        {
            for (final Map.Entry<String, JsonNode> field : paramNode.properties())
            {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        final JsonNode primary = run.get("primaryMetric");
        if (primary == null || !primary.has("score"))
        {
            throw new IllegalArgumentException(file + ": run of " + benchmark + " has no primaryMetric.score");
        }
        final Builder builder = byIdentity.computeIfAbsent(benchmark + params,
            identity -> new Builder(benchmark, params, primary.path("scoreUnit").asText("?")));
        builder.scores.put(round, primary.get("score").asDouble());
        final JsonNode allocation = run.path("secondaryMetrics").get(ALLOCATION);
        if (allocation != null && allocation.has("score"))
        {
            builder.allocations.put(round, allocation.get("score").asDouble());
        }
    }

    private static String text(final JsonNode node, final String field, final Path file)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual())
        {
            throw new IllegalArgumentException(file + ": a run without a '" + field + "' text field");
        }
        return value.asText();
    }

    /** {@code io.ringflow.perf.nexmark.NexmarkBenchmark.run} → {@code NexmarkBenchmark.run}. */
    private static String shortName(final String benchmark)
    {
        final int method = benchmark.lastIndexOf('.');
        final int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** @return every result, in the order the first round listed them. */
    List<JmhResult> all()
    {
        return results;
    }

    /**
     * @param benchmark {@code Class.method}.
     * @param params    parameter values to match.
     * @return the first result of that benchmark with those values.
     */
    Optional<JmhResult> find(final String benchmark, final Map<String, String> params)
    {
        return results.stream().filter(r -> r.benchmark().equals(benchmark) && r.matches(params)).findFirst();
    }

    /**
     * @param benchmark {@code Class.method}.
     * @return its results, every parameter set.
     */
    List<JmhResult> of(final String benchmark)
    {
        return results.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    private static final class Builder
    {
        private final String benchmark;
        private final SortedMap<String, String> params;
        private final String unit;
        private final SortedMap<Integer, Double> scores = new TreeMap<>();
        private final SortedMap<Integer, Double> allocations = new TreeMap<>();

        Builder(final String benchmark, final SortedMap<String, String> params, final String unit)
        {
            this.benchmark = benchmark;
            this.params = params;
            this.unit = unit;
        }

        JmhResult build()
        {
            return new JmhResult(benchmark, params, unit, scores, allocations);
        }
    }
}
