package io.ringflow.perf.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A PNG with a title, a plot area and a logarithmic value axis, on which the charts draw: the figures span
 * orders of magnitude (hundreds of nanoseconds to milliseconds, thousands to tens of millions of events/s),
 * so every value axis here is log10. Headless: needs no display.
 */
final class ChartCanvas
{
    static final Color[] SERIES_COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    static final int LEFT = 90;
    static final int RIGHT = 200;
    static final int TOP = 50;
    static final int BOTTOM = 70;

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final double logMin;
    private final double logMax;

    /**
     * @param title    drawn at the top.
     * @param axisName the value axis's name and unit.
     * @param min      smallest value to show, above 0.
     * @param max      largest value to show.
     */
    ChartCanvas(final String title, final String axisName, final double min, final double max)
    {
        logMin = Math.floor(Math.log10(Math.max(min, 1e-9)));
        logMax = Math.max(logMin + 1, Math.ceil(Math.log10(Math.max(max, min))));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        drawValueAxis(axisName);
    }

    private void drawValueAxis(final String axisName)
    {
        for (int exponent = (int)logMin; exponent <= logMax; exponent++)
        {
            final int y = y(Math.pow(10, exponent));
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(label(Math.pow(10, exponent)), 10, y + 4);
        }
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawString(axisName + " (log scale)", 10, TOP - 8);
    }

    /** 1e6 → "1M", 0.1 → "0.1". */
    static String label(final double value)
    {
        if (value >= 1e9)
        {
            return String.format("%.0fG", value / 1e9);
        }
        if (value >= 1e6)
        {
            return String.format("%.0fM", value / 1e6);
        }
        if (value >= 1e3)
        {
            return String.format("%.0fk", value / 1e3);
        }
        return value >= 1 ? String.format("%.0f", value) : String.valueOf(value);
    }

    /**
     * @param value a value within the axis.
     * @return its pixel row.
     */
    int y(final double value)
    {
        final double log = Math.log10(Math.max(value, Math.pow(10, logMin)));
        final double fraction = (log - logMin) / (logMax - logMin);
        return (int)Math.round(HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP));
    }

    /** @return the bottom of the plot area. */
    int baseline()
    {
        return HEIGHT - BOTTOM;
    }

    /** @return for drawing the chart's own marks. */
    Graphics2D graphics()
    {
        return g;
    }

    /**
     * A legend entry on the right.
     *
     * @param index  entry number, from 0.
     * @param name   the series.
     * @param colour its colour.
     */
    void legend(final int index, final String name, final Color colour)
    {
        final int y = TOP + 20 * index;
        g.setColor(colour);
        g.setStroke(new BasicStroke(3));
        g.drawLine(WIDTH - RIGHT + 15, y, WIDTH - RIGHT + 35, y);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawString(name, WIDTH - RIGHT + 42, y + 4);
    }

    /**
     * @param file where the PNG goes.
     * @throws UncheckedIOException naming the file.
     */
    void write(final Path file)
    {
        g.dispose();
        try
        {
            if (!ImageIO.write(image, "png", file.toFile()))
            {
                throw new IOException("no PNG writer in this JDK");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write chart " + file + ": " + ex.getMessage(), ex);
        }
    }
}
