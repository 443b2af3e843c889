package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.RecordType;
import org.agrona.concurrent.CachedEpochClock;

/** Pipelines the runtime tests share. */
final class TestPipelines
{
    static final RecordType<WindowResult> WINDOW_RESULT = RecordType.of("WindowResult", () -> new WindowResult(2),
        (from, to) ->
        {
            to.set(from.key(), from.start(), from.end(), from.kind());
            for (int i = 0; i < from.slots(); i++)
            {
                to.setLong(i, from.longValue(i));
            }
        });

    private TestPipelines()
    {
    }

    /**
     * event time (bounded 20 ms) → [2 partitions by key] tumbling 100 ms count + max key sequence →
     * watermark probe → sink.
     */
    static PipelineBuilder<Event, WindowResult> keyedWindows(
        final boolean stepped, final ProducerMode mode, final WatermarkProbe<WindowResult> probe)
    {
        final PipelineBuilder<Event, Event> ingress = PipelineBuilder.ingress("keyed-windows", Event.TYPE, mode)
            .ingressRingSize(64);
        if (stepped)
        {
            ingress.stepped(new CachedEpochClock());
        }
        return ingress
            .stage(StageSpec.of("event-time", () -> OperatorChain.first(new TimestampsAndWatermarksOperator<>(
                "event-time", WatermarkStrategy.<Event>forBoundedOutOfOrderness(20).withTimestampAssigner(Event::timeMs)))))
            .stage(StageSpec.<Event, WindowResult>of("window", () -> WindowOperator.keyed("count", Event::key)
                .window(Windows.tumbling(100))
                .aggregate(Aggregates.of(Aggregates.count(), Aggregates.max(Event::keySequence))))
                .inputType(Event.TYPE).ringSize(32).parallelism(2, Event::key))
            .stage(StageSpec.of("probe", () -> probe).inputType(WINDOW_RESULT).ringSize(16));
    }
}
