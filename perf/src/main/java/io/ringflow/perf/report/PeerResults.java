package io.ringflow.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peer engines' Nexmark figures, as the peer harness ({@code perf-peers/bin/peer-nexmark --json FILE}) writes
 * them: per query, {@code fingerprintsAgree} (every run of every engine produced the same results: equal work) and
 * {@code engines}, an object from engine name to its {@code eventsPerCpuSecond}, one value per round (Ringflow and
 * every peer ran once per round, interleaved). The ratios are computed here again from those rounds, as every
 * other ratio of the report is.
 */
final class PeerResults
{
    private final List<Measure> measures;
    private final List<String> problems;

    private PeerResults(final List<Measure> measures, final List<String> problems)
    {
        this.measures = measures;
        this.problems = problems;
    }

    /** @return no peer results: the suite ran without peers. */
    static PeerResults none()
    {
        return new PeerResults(List.of(), List.of());
    }

    /**
     * @param file the peer harness's JSON output.
     * @return its measures: each engine's median events per CPU-second, peers against Ringflow.
     */
    static PeerResults read(final Path file)
    {
        final JsonNode root;
        try
        {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read peer results " + file + ": " + ex.getMessage(), ex);
        }
        final List<Measure> measures = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        for (final JsonNode query : root.path("queries"))
        {
            final String name = query.path("query").asText("?");
            if (!query.path("fingerprintsAgree").asBoolean(false))
            {
                problems.add(name + ": the engines' results differ, so its figures are void");
                continue;
            }
            final List<Double> ringflow = rounds(query, Measures.RINGFLOW, file);
            for (final Map.Entry<String, JsonNode> engine : query.path("engines").properties())
            {
                final String engineName = engine.getKey();
                final List<Double> values = rounds(query, engineName, file);
                measures.add(engineName.equals(Measures.RINGFLOW) ?
                    Measure.alone(Measures.PEERS, name + " events/CPU-s", engineName, Rounds.median(values), "events/CPU-s", true) :
                    new Measure(Measures.PEERS, name + " events/CPU-s", Measures.RINGFLOW, Rounds.median(ringflow),
                        "events/CPU-s", engineName, Rounds.median(values), Rounds.medianRatio(ringflow, values), true));
            }
        }
        return new PeerResults(measures, problems);
    }

    private static List<Double> rounds(final JsonNode query, final String engine, final Path file)
    {
        final List<Double> values = new ArrayList<>();
        query.path("engines").path(engine).path("eventsPerCpuSecond").forEach(value -> values.add(value.asDouble()));
        if (values.isEmpty())
        {
            throw new IllegalArgumentException(file + ": query " + query.path("query").asText("?") +
                " has no eventsPerCpuSecond rounds for engine " + engine);
        }
        return values;
    }

    /** @return Ringflow and each peer per query. */
    List<Measure> measures()
    {
        return measures;
    }

    /** @return queries left out, and why. */
    List<String> problems()
    {
        return problems;
    }
}
