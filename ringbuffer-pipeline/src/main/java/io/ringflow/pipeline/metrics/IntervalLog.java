package io.ringflow.pipeline.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the interval histograms of a {@link LatencyRecorders} in HdrHistogram's standard log format: a
 * header (format version, start time, base time, legend), then on each {@link #logInterval()} one line per
 * recorder tagged with its name. HdrHistogram's {@code HistogramLogReader} and {@code HistogramLogProcessor},
 * and the plotters built on them, read it; timestamps are seconds since the start time.
 * <p>
 * Each recorder's previous interval histogram is recycled, so the histograms are not reallocated; encoding
 * a line does allocate (compressed bytes, Base64 text), which is the reporter thread's business, not the
 * recording threads'.
 * <p>
 * Threading: one reporter thread constructs it, calls {@link #logInterval()} (every second, say) and closes
 * it. That thread is the only one that may take intervals from these recorders.
 */
public final class IntervalLog implements AutoCloseable
{
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final List<LatencyRecorder> recorders;
    private final Histogram[] recycled;

    /**
     * Write the log header.
     *
     * @param out         where the log goes; closed by {@link #close()}.
     * @param recorders   whose intervals to log.
     * @param startTimeMs the log's start and base time, epoch milliseconds; usually the pipeline's start.
     */
    public IntervalLog(final OutputStream out, final LatencyRecorders recorders, final long startTimeMs)
    {
        this.out = new PrintStream(out, false, StandardCharsets.US_ASCII);
        this.recorders = recorders.all();
        recycled = new Histogram[this.recorders.size()];
        writer = new HistogramLogWriter(this.out);
        writer.outputLogFormatVersion();
        writer.outputComment("Ringflow latency, values in nanoseconds, tags: recorder names");
        writer.outputStartTime(startTimeMs);
        writer.setBaseTime(startTimeMs);
        writer.outputBaseTime(startTimeMs);
        writer.outputLegend();
        this.out.flush();
    }

    /**
     * Take an interval histogram from every recorder, write each as one tagged line, and flush. The
     * recorders' cumulative histograms include the intervals taken.
     */
    public void logInterval()
    {
        for (int i = 0; i < recycled.length; i++)
        {
            final Histogram interval = recorders.get(i).intervalHistogram(recycled[i]);
            writer.outputIntervalHistogram(interval);
            recycled[i] = interval;
        }
        out.flush();
    }

    /** Close the output stream. */
    @Override
    public void close()
    {
        writer.close();
    }
}
