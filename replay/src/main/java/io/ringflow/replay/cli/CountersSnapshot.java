package io.ringflow.replay.cli;

import io.ringflow.pipeline.metrics.CountersFileReader;
import io.ringflow.pipeline.metrics.PipelineCounters;
import io.ringflow.pipeline.metrics.StageCounters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a counters file at one moment, grouped as {@code ringflow stat} shows them: the counters of
 * each stage ({@link StageCounters}, type ids 1001..1011) and of each pipeline ({@link PipelineCounters},
 * 1101..1103) by the name their labels start with, and any other counter by its label. Groups keep the
 * order in which the file allocated them, which is pipeline order.
 * <p>
 * Threading: confined to the thread that took it.
 */
final class CountersSnapshot
{
    /** Values a stage row holds, indexed by type id minus {@link StageCounters#RECORDS_IN}. */
    static final int STAGE_VALUES = StageCounters.DEAD_LETTERS - StageCounters.RECORDS_IN + 1;
    /** Values a pipeline row holds, indexed by type id minus {@link PipelineCounters#RECORDS_ACCEPTED}. */
    static final int PIPELINE_VALUES = PipelineCounters.REJECTED_CLOSED - PipelineCounters.RECORDS_ACCEPTED + 1;

    private final long timeNs;
    private final Map<String, long[]> stages = new LinkedHashMap<>();
    private final Map<String, long[]> pipelines = new LinkedHashMap<>();
    private final List<String> others = new ArrayList<>();

    private CountersSnapshot(final long timeNs)
    {
        this.timeNs = timeNs;
    }

    /**
     * @param reader the counters file.
     * @param timeNs when, by {@code System.nanoTime()}, for rates.
     * @return every allocated counter's value now.
     */
    static CountersSnapshot take(final CountersFileReader reader, final long timeNs)
    {
        final CountersSnapshot snapshot = new CountersSnapshot(timeNs);
        reader.forEach(snapshot::add);
        return snapshot;
    }

    /** @return when it was taken, {@code System.nanoTime()}. */
    long timeNs()
    {
        return timeNs;
    }

    /** @return each stage's values by stage name, in allocation order. */
    Map<String, long[]> stages()
    {
        return stages;
    }

    /** @return each pipeline's values by pipeline name, in allocation order. */
    Map<String, long[]> pipelines()
    {
        return pipelines;
    }

    /** @return "label = value" for every counter of a type stat does not know. */
    List<String> others()
    {
        return others;
    }

    private void add(final int counterId, final int typeId, final String label, final long value)
    {
        if (typeId >= StageCounters.RECORDS_IN && typeId <= StageCounters.DEAD_LETTERS)
        {
            group(stages, label, STAGE_VALUES)[typeId - StageCounters.RECORDS_IN] = value;
        }
        else if (typeId >= PipelineCounters.RECORDS_ACCEPTED && typeId <= PipelineCounters.REJECTED_CLOSED)
        {
            group(pipelines, label, PIPELINE_VALUES)[typeId - PipelineCounters.RECORDS_ACCEPTED] = value;
        }
        else
        {
            others.add(label + " = " + value);
        }
    }

    private static long[] group(final Map<String, long[]> groups, final String label, final int values)
    {
        // labels are "<name>: <what>"; a name may itself hold ": ", the part after the last one never does
        final int split = label.lastIndexOf(": ");
        final String name = split < 0 ? label : label.substring(0, split);
        return groups.computeIfAbsent(name, ignored -> new long[values]);
    }
}
