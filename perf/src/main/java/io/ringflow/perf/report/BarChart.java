package io.ringflow.perf.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Grouped bars: one group per category (a query), one bar per series (an engine) within it. */
final class BarChart
{
    private final String title;
    private final String unit;
    private final Map<String, Map<String, Double>> valueByCategory = new LinkedHashMap<>();
    private final Set<String> seriesNames = new LinkedHashSet<>();

    /**
     * @param title the chart's title.
     * @param unit  the values' unit.
     */
    BarChart(final String title, final String unit)
    {
        this.title = title;
        this.unit = unit;
    }

    /**
     * @param category the group (e.g. {@code Q5}).
     * @param series   the bar within it (e.g. {@code flink}).
     * @param value    its height, above 0.
     * @return this.
     */
    BarChart add(final String category, final String series, final double value)
    {
        valueByCategory.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(series, value);
        seriesNames.add(series);
        return this;
    }

    /**
     * @param file the PNG to write; nothing is written without values.
     * @return whether it was written.
     */
    boolean write(final Path file)
    {
        if (valueByCategory.isEmpty())
        {
            return false;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (final Map<String, Double> values : valueByCategory.values())
        {
            for (final double value : values.values())
            {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        final ChartCanvas canvas = new ChartCanvas(title, unit, min / 2, max);
        final Graphics2D g = canvas.graphics();
        final List<String> series = new ArrayList<>(seriesNames);
        final int plotWidth = ChartCanvas.WIDTH - ChartCanvas.LEFT - ChartCanvas.RIGHT;
        final int groupWidth = plotWidth / valueByCategory.size();
        final int barWidth = Math.max(2, (groupWidth - 20) / series.size());
        int group = 0;
        for (final Map.Entry<String, Map<String, Double>> category : valueByCategory.entrySet())
        {
            final int groupLeft = ChartCanvas.LEFT + group * groupWidth + 10;
            for (int s = 0; s < series.size(); s++)
            {
                final Double value = category.getValue().get(series.get(s));
                if (value == null || value <= 0)
                {
                    continue;
                }
                final int top = canvas.y(value);
                g.setColor(ChartCanvas.SERIES_COLOURS[s % ChartCanvas.SERIES_COLOURS.length]);
                g.fillRect(groupLeft + s * barWidth, top, barWidth - 2, canvas.baseline() - top);
            }
            g.setColor(Color.BLACK);
            g.drawString(category.getKey(), groupLeft + (groupWidth - 20) / 2 - 10, canvas.baseline() + 18);
            group++;
        }
        for (int s = 0; s < series.size(); s++)
        {
            canvas.legend(s, series.get(s), ChartCanvas.SERIES_COLOURS[s % ChartCanvas.SERIES_COLOURS.length]);
        }
        canvas.write(file);
        return true;
    }
}
