package io.ringflow.perf.report;

import org.HdrHistogram.Histogram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency by percentile, one line per series, the way HdrHistogram's plots show it: the percentile axis is
 * stretched towards the tail ({@code log10(1 / (1 - p))}: 90% at 1, 99% at 2, 99.9% at 3 ...) so the tail
 * gets as much room as the median.
 */
final class PercentileChart
{
    private static final double MAX_NINES = 5;   // 99.999%
    private static final int POINTS = 100;
    private final Map<String, Histogram> series = new LinkedHashMap<>();
    private final String title;

    /** @param title the chart's title. */
    PercentileChart(final String title)
    {
        this.title = title;
    }

    /**
     * @param name      legend entry.
     * @param latencyNs latency histogram, nanoseconds.
     * @return this.
     */
    PercentileChart add(final String name, final Histogram latencyNs)
    {
        series.put(name, latencyNs);
        return this;
    }

    /**
     * @param file the PNG to write; nothing is written without series.
     * @return whether it was written.
     */
    boolean write(final Path file)
    {
        if (series.isEmpty())
        {
            return false;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (final Histogram histogram : series.values())
        {
            min = Math.min(min, Math.max(0.01, histogram.getMinValue() / 1e3));
            max = Math.max(max, histogram.getMaxValue() / 1e3);
        }
        final ChartCanvas canvas = new ChartCanvas(title, "latency µs", min, max);
        final Graphics2D g = canvas.graphics();
        drawPercentileAxis(canvas, g);
        int index = 0;
        for (final Map.Entry<String, Histogram> entry : series.entrySet())
        {
            final Color colour = ChartCanvas.SERIES_COLOURS[index % ChartCanvas.SERIES_COLOURS.length];
            g.setColor(colour);
            g.setStroke(new BasicStroke(2));
            int previousX = -1;
            int previousY = -1;
            for (int point = 0; point <= POINTS; point++)
            {
                final double nines = MAX_NINES * point / POINTS;
                final double percentile = 100 * (1 - Math.pow(10, -nines));
                final int x = x(nines);
                final int y = canvas.y(entry.getValue().getValueAtPercentile(percentile) / 1e3);
                if (previousX >= 0)
                {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            canvas.legend(index++, entry.getKey(), colour);
        }
        canvas.write(file);
        return true;
    }

    private static void drawPercentileAxis(final ChartCanvas canvas, final Graphics2D g)
    {
        final String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int nines = 0; nines <= MAX_NINES; nines++)
        {
            final int x = x(nines);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, ChartCanvas.TOP, x, canvas.baseline());
            g.setColor(Color.BLACK);
            g.drawString(labels[nines], x - 15, canvas.baseline() + 18);
        }
        g.drawString("percentile", ChartCanvas.LEFT, canvas.baseline() + 45);
    }

    private static int x(final double nines)
    {
        final int width = ChartCanvas.WIDTH - ChartCanvas.LEFT - ChartCanvas.RIGHT;
        return ChartCanvas.LEFT + (int)Math.round(width * nines / MAX_NINES);
    }
}
