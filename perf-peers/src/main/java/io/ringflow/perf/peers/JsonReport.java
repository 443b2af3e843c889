package io.ringflow.perf.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link PeerNexmark}'s figures as JSON, for the report generator ({@code --json FILE}); written by hand, the
 * module has no JSON library of its own. Rates are events per CPU-second (not millions), all input events counted.
 * <pre>
 * {"events": 1000000, "seed": 42, "rounds": 3, "jdk": "17.0.15+6", "processors": 2,
 *  "engines": {"flink": "Flink 2.1.0 local execution: ...", ...},
 *  "queries": [
 *   {"query": "Q5", "title": "hot items", "results": 56, "checksum": "7f3a...", "fingerprintsAgree": true,
 *    "engines": {
 *     "ringflow": {"medianEventsPerCpuSecond": 2500000.0, "runs": 3, "fingerprintsAgree": true, "eventsPerCpuSecond": [...]},
 *     "flink": {"medianEventsPerCpuSecond": 350000.0, "runs": 3, "fingerprintsAgree": true, "eventsPerCpuSecond": [...],
 *               "ratioVsRingflow": 7.2, "ratiosVsRingflow": [7.6, 7.0, 7.2]}}}]}
 * </pre>
 * {@code ratioVsRingflow} is the median over the rounds of Ringflow's rate over the peer's in the same round.
 * <p>
 * Threading: stateless; called on the measuring thread.
 */
final class JsonReport
{
    private JsonReport()
    {
    }

    /**
     * @param file    where to write (replaced).
     * @param options the run's options.
     * @param engines each peer's name and {@link PeerEngine#describe()}.
     * @param results each query's results.
     */
    static void write(final Path file, final Options options, final Map<String, String> engines,
        final List<RoundResults> results)
    {
        final StringBuilder json = new StringBuilder(4096);
        json.append("{\"events\": ").append(options.events())
            .append(", \"seed\": ").append(options.seed())
            .append(", \"rounds\": ").append(options.rounds())
            .append(", \"jdk\": ").append(string(Runtime.version().toString()))
            .append(", \"processors\": ").append(Runtime.getRuntime().availableProcessors())
            .append(",\n \"engines\": {");
        String separator = "";
        for (final Map.Entry<String, String> engine : engines.entrySet())
        {
            json.append(separator).append(string(engine.getKey())).append(": ").append(string(engine.getValue()));
            separator = ", ";
        }
        json.append("},\n \"queries\": [");
        separator = "\n  ";
        for (final RoundResults query : results)
        {
            json.append(separator);
            query(json, query);
            separator = ",\n  ";
        }
        json.append("]}\n");
        try
        {
            Files.writeString(file, json);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void query(final StringBuilder json, final RoundResults query)
    {
        json.append("{\"query\": ").append(string(query.query().name()))
            .append(", \"title\": ").append(string(query.query().title()))
            .append(", \"results\": ").append(query.expected().count())
            .append(", \"checksum\": ").append(string(Long.toHexString(query.expected().checksum())))
            .append(", \"fingerprintsAgree\": ").append(query.equalWork())
            .append(",\n   \"engines\": {");
        engine(json, query, RoundResults.RINGFLOW);
        json.append('}');
        for (final String peer : query.peers())
        {
            json.append(",\n    ");
            engine(json, query, peer);
            json.append(", \"ratioVsRingflow\": ").append(number(RoundResults.median(query.ratios(peer))))
                .append(", \"ratiosVsRingflow\": ").append(numbers(query.ratios(peer), 1)).append('}');
        }
        json.append("}}");
    }

    // Leaves the engine's object open for the peers' ratios.
    private static void engine(final StringBuilder json, final RoundResults query, final String engine)
    {
        final List<Double> millions = query.rates(engine);
        json.append(string(engine)).append(": {\"medianEventsPerCpuSecond\": ")
            .append(number(RoundResults.median(millions) * 1e6))
            .append(", \"runs\": ").append(millions.size())
            .append(", \"fingerprintsAgree\": ").append(query.agrees(engine))
            .append(", \"eventsPerCpuSecond\": ").append(numbers(millions, 1e6));
    }

    private static String numbers(final List<Double> values, final double scale)
    {
        final StringBuilder text = new StringBuilder("[");
        for (final double value : values)
        {
            text.append(text.length() == 1 ? "" : ", ").append(number(value * scale));
        }
        return text.append(']').toString();
    }

    // JSON has no NaN or infinity; a rate is either when a run took no measurable CPU time.
    private static String number(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "null";
    }

    private static String string(final String text)
    {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                quoted.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
