package io.ringflow.perf.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group of per-query engine comparisons as a Markdown table, a row per query: each engine's rate, each
 * ratio (engine / the one it was compared with), and each engine's allocation per event where measured.
 * <pre>
 * | query | ringflow | handwritten | ringflow / handwritten | ringflow B/event | handwritten B/event |
 * </pre>
 */
final class EngineTable
{
    private final Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> allocations = new LinkedHashMap<>();
    private final Set<String> engines = new LinkedHashSet<>();
    private final Set<String> ratioColumns = new LinkedHashSet<>();
    private final Set<String> allocationEngines = new LinkedHashSet<>();
    private String unit = "";

    /**
     * @param measures the group's measures, named {@code <query> <what>}.
     */
    EngineTable(final List<Measure> measures)
    {
        for (final Measure measure : measures)
        {
            final String query = measure.name().substring(0, measure.name().indexOf(' '));
            if (measure.unit().startsWith("B/"))
            {
                allocationEngines.add(measure.engine());
                allocations.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(measure.engine(), measure.value());
                continue;
            }
            unit = measure.unit();
            put(rates, query, measure.engine(), measure.value());
            if (measure.compared())
            {
                put(rates, query, measure.other(), measure.otherValue());
                final String column = measure.engine() + " / " + measure.other();
                ratioColumns.add(column);
                ratios.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(column, measure.ratio());
            }
        }
    }

    private void put(final Map<String, Map<String, Double>> table, final String query, final String engine, final double value)
    {
        engines.add(engine);
        table.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(engine, value);
    }

    /**
     * @param text receives the table.
     */
    void appendTo(final StringBuilder text)
    {
        final List<String> header = new ArrayList<>(List.of("query"));
        engines.forEach(engine -> header.add(engine + " " + unit));
        header.addAll(ratioColumns);
        allocationEngines.forEach(engine -> header.add(engine + " B/event"));
        text.append("| ").append(String.join(" | ", header)).append(" |\n|---");
        text.append("|---:".repeat(header.size() - 1)).append("|\n");
        for (final Map.Entry<String, Map<String, Double>> row : rates.entrySet())
        {
            text.append("| ").append(row.getKey());
            engines.forEach(engine -> text.append(" | ").append(cell(row.getValue().get(engine), "")));
            final Map<String, Double> rowRatios = ratios.getOrDefault(row.getKey(), Map.of());
            ratioColumns.forEach(column -> text.append(" | ").append(cell(rowRatios.get(column), "×")));
            final Map<String, Double> rowAllocations = allocations.getOrDefault(row.getKey(), Map.of());
            allocationEngines.forEach(engine -> text.append(" | ").append(cell(rowAllocations.get(engine), "")));
            text.append(" |\n");
        }
        text.append('\n');
    }

    private static String cell(final Double value, final String suffix)
    {
        return value == null ? "" : MarkdownReport.number(value) + suffix;
    }
}
