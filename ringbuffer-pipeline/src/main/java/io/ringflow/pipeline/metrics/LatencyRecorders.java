package io.ringflow.pipeline.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The latency recorders of one pipeline: one end to end, recorded by the sink thread as
 * {@code nowNs - originNs} with the origin stamped at ingress, and one service-time recorder per stage,
 * recorded by that stage's thread. All are created here, when the pipeline is built.
 * <p>
 * Both ends of an end-to-end latency must come from {@link System#nanoTime()} in this JVM; nanoTime is
 * comparable across threads of one JVM but not across processes.
 * <p>
 * Threading: build on one thread, then hand each recorder to its writer; see {@link LatencyRecorder} for
 * what each thread may call. The lookups here are safe from any thread once built.
 */
public final class LatencyRecorders
{
    /** Name, and log tag, of the end-to-end recorder. */
    public static final String END_TO_END = "end-to-end";

    private final LatencyRecorder endToEnd;
    private final LatencyRecorder[] stages;
    private final List<LatencyRecorder> all;

    /**
     * @param stageNames one recorder per name, in this order; names may not repeat, contain commas or
     *                   whitespace, or be {@value #END_TO_END}.
     */
    public LatencyRecorders(final List<String> stageNames)
    {
        this(stageNames, LatencyRecorder.DEFAULT_HIGHEST_TRACKABLE_VALUE_NS);
    }

    /**
     * @param stageNames              one recorder per name, in this order.
     * @param highestTrackableValueNs largest value every recorder records as is.
     */
    public LatencyRecorders(final List<String> stageNames, final long highestTrackableValueNs)
    {
        endToEnd = new LatencyRecorder(END_TO_END, highestTrackableValueNs);
        stages = new LatencyRecorder[stageNames.size()];
        final List<LatencyRecorder> recorders = new ArrayList<>(stages.length + 1);
        recorders.add(endToEnd);
        for (int i = 0; i < stages.length; i++)
        {
            final String stageName = stageNames.get(i);
            for (final LatencyRecorder existing : recorders)
            {
                if (existing.name().equals(stageName))
                {
                    throw new IllegalArgumentException("latency recorder name '" + stageName + "' used twice");
                }
            }
            stages[i] = new LatencyRecorder(stageName, highestTrackableValueNs);
            recorders.add(stages[i]);
        }
        all = Collections.unmodifiableList(recorders);
    }

    /**
     * Record one end-to-end latency; sink thread only, allocation-free.
     *
     * @param latencyNs {@code nowNs - originNs}.
     */
    public void recordEndToEnd(final long latencyNs)
    {
        endToEnd.record(latencyNs);
    }

    /** @return the end-to-end recorder. */
    public LatencyRecorder endToEnd()
    {
        return endToEnd;
    }

    /**
     * @param stageIndex position of the stage in the names given at construction.
     * @return that stage's service-time recorder.
     */
    public LatencyRecorder stage(final int stageIndex)
    {
        return stages[stageIndex];
    }

    /**
     * @param stageName a name given at construction.
     * @return that stage's service-time recorder; look it up at wiring time, not per record.
     */
    public LatencyRecorder stage(final String stageName)
    {
        for (final LatencyRecorder stage : stages)
        {
            if (stage.name().equals(stageName))
            {
                return stage;
            }
        }

        throw new IllegalArgumentException("no latency recorder for stage '" + stageName + "'");
    }

    /** @return number of stage recorders. */
    public int stageCount()
    {
        return stages.length;
    }

    /** @return every recorder, end to end first, then the stages in order; unmodifiable. */
    public List<LatencyRecorder> all()
    {
        return all;
    }
}
