package io.ringflow.replay.cli;

import io.ringflow.pipeline.metrics.PipelineCounters;
import io.ringflow.pipeline.metrics.StageCounters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out one refresh of {@code ringflow stat} (documented in docs/CLI.md): a pipeline table, a stage table
 * and any other counters, with rates computed against the previous refresh ("-" on the first). Watermarks
 * read "-" before the first and "max" at end of input.
 * <p>
 * Threading: confined to the stat's thread.
 */
final class CountersScreen
{
    private static final String[] PIPELINE_COLUMNS = {
        "PIPELINE", "ACCEPTED", "ACCEPTED/S", "BACK_PRESSURED", "REJECTED_CLOSED"};
    private static final String[] STAGE_COLUMNS = {
        "STAGE", "IN", "OUT", "IN/S", "OUT/S", "RING", "RING_HWM", "BP_WAITS", "BP_WAIT_MS", "WATERMARK", "WM_LAG",
        "LATE", "ERRORS", "DEAD_LETTERS"};

    private CountersScreen()
    {
    }

    /**
     * @param heading  the first line.
     * @param now      this refresh.
     * @param previous the refresh before, or null.
     * @return the lines to show.
     */
    static List<String> render(final String heading, final CountersSnapshot now, final CountersSnapshot previous)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(heading);
        final double seconds = null == previous ? 0 : (now.timeNs() - previous.timeNs()) / 1e9;

        final List<String[]> pipelineRows = new ArrayList<>();
        pipelineRows.add(PIPELINE_COLUMNS);
        for (final Map.Entry<String, long[]> pipeline : now.pipelines().entrySet())
        {
            final long[] v = pipeline.getValue();
            final long[] before = null == previous ? null : previous.pipelines().get(pipeline.getKey());
            pipelineRows.add(new String[]{
                pipeline.getKey(),
                Long.toString(v[index(PipelineCounters.RECORDS_ACCEPTED)]),
                rate(v, before, index(PipelineCounters.RECORDS_ACCEPTED), seconds),
                Long.toString(v[index(PipelineCounters.BACK_PRESSURED)]),
                Long.toString(v[index(PipelineCounters.REJECTED_CLOSED)])});
        }

        final List<String[]> stageRows = new ArrayList<>();
        stageRows.add(STAGE_COLUMNS);
        for (final Map.Entry<String, long[]> stage : now.stages().entrySet())
        {
            final long[] v = stage.getValue();
            final long[] before = null == previous ? null : previous.stages().get(stage.getKey());
            stageRows.add(new String[]{
                stage.getKey(),
                Long.toString(v[stageIndex(StageCounters.RECORDS_IN)]),
                Long.toString(v[stageIndex(StageCounters.RECORDS_OUT)]),
                rate(v, before, stageIndex(StageCounters.RECORDS_IN), seconds),
                rate(v, before, stageIndex(StageCounters.RECORDS_OUT), seconds),
                Long.toString(v[stageIndex(StageCounters.RING_OCCUPANCY)]),
                Long.toString(v[stageIndex(StageCounters.RING_HIGH_WATER_MARK)]),
                Long.toString(v[stageIndex(StageCounters.BACKPRESSURE_WAITS)]),
                String.format(Locale.ROOT, "%.1f", v[stageIndex(StageCounters.BACKPRESSURE_WAIT_NS)] / 1e6),
                watermark(v[stageIndex(StageCounters.WATERMARK)]),
                Long.toString(v[stageIndex(StageCounters.WATERMARK_LAG)]),
                Long.toString(v[stageIndex(StageCounters.LATE_RECORDS)]),
                Long.toString(v[stageIndex(StageCounters.ERRORS)]),
                Long.toString(v[stageIndex(StageCounters.DEAD_LETTERS)])});
        }

        if (pipelineRows.size() > 1)
        {
            lines.add("");
            addTable(lines, pipelineRows);
        }
        lines.add("");
        if (stageRows.size() > 1)
        {
            addTable(lines, stageRows);
        }
        else
        {
            lines.add("no stage counters yet");
        }
        if (!now.others().isEmpty())
        {
            lines.add("");
            lines.add("other counters:");
            for (final String other : now.others())
            {
                lines.add("  " + other);
            }
        }
        return lines;
    }

    private static int index(final int pipelineTypeId)
    {
        return pipelineTypeId - PipelineCounters.RECORDS_ACCEPTED;
    }

    private static int stageIndex(final int stageTypeId)
    {
        return stageTypeId - StageCounters.RECORDS_IN;
    }

    private static String rate(final long[] now, final long[] before, final int index, final double seconds)
    {
        if (null == before || seconds <= 0)
        {
            return "-";
        }
        return Long.toString(Math.round((now[index] - before[index]) / seconds));
    }

    private static String watermark(final long watermark)
    {
        if (Long.MIN_VALUE == watermark)
        {
            return "-";
        }
        return Long.MAX_VALUE == watermark ? "max" : Long.toString(watermark);
    }

    private static void addTable(final List<String> lines, final List<String[]> rows)
    {
        final int[] widths = new int[rows.get(0).length];
        for (final String[] row : rows)
        {
            for (int i = 0; i < row.length; i++)
            {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++)
            {
                if (i > 0)
                {
                    line.append("  ");
                }
                // names left-aligned, numbers right-aligned
                final String padding = " ".repeat(widths[i] - row[i].length());
                line.append(0 == i ? row[i] + padding : padding + row[i]);
            }
            lines.add(line.toString().stripTrailing());
        }
    }
}
