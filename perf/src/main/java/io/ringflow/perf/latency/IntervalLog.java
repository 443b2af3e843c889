package io.ringflow.perf.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.FileNotFoundException;
import java.nio.file.Path;

/**
 * Harvests a {@link PhasedRecorder} once per interval into an HdrHistogram interval log (HdrHistogram's log
 * format: HistogramLogProcessor, HdrHistogramVisualizer and HdrHistogram plotters read it) and into a running
 * total of the measurement phase. Warm-up intervals are written with the tag {@code warmup}, which the tools
 * leave out unless asked for that tag. Histograms are recycled, so a harvest allocates next to nothing.
 */
final class IntervalLog implements AutoCloseable
{
    private final PhasedRecorder recorder;
    private final HistogramLogWriter writer;
    private final Histogram total = PhasedRecorder.newHistogram();
    private Histogram warmUpInterval;
    private Histogram measureInterval;

    IntervalLog(final PhasedRecorder recorder, final Path file, final String comment, final long startEpochMs)
        throws FileNotFoundException
    {
        this.recorder = recorder;
        writer = new HistogramLogWriter(file.toFile());
        writer.outputLogFormatVersion();
        writer.outputComment(comment);
        writer.outputStartTime(startEpochMs);
        writer.setBaseTime(startEpochMs);
        writer.outputLegend();
    }

    /** Write what was recorded since the last call, and add its measurement part to {@link #total()}. */
    void harvest()
    {
        warmUpInterval = recorder.warmUpInterval(warmUpInterval);
        if (warmUpInterval.getTotalCount() > 0)
        {
            warmUpInterval.setTag("warmup");
            writer.outputIntervalHistogram(warmUpInterval);
        }
        measureInterval = recorder.measureInterval(measureInterval);
        if (measureInterval.getTotalCount() > 0)
        {
            measureInterval.setTag(null);
            writer.outputIntervalHistogram(measureInterval);
            total.add(measureInterval);
        }
    }

    Histogram total()
    {
        return total;
    }

    @Override
    public void close()
    {
        writer.close();
    }
}
