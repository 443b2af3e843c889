package io.ringflow.examples;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.WindowResultCodec;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;

/**
 * The durable quick start's pipeline, by name: traded volume per symbol in 1 s windows. Being a
 * {@link PipelineDefinition} (public, no-argument constructor), it can be run durably, replayed and
 * inspected with {@code ./ringflow replay … --pipeline io.ringflow.examples.VolumePipeline}. A test keeps
 * the README's copy of the code between the markers equal to this one.
 */
public final class VolumePipeline implements PipelineDefinition<Trade, WindowResult>
{
    // volume:start
    @Override
    public String id()
    {
        return "volume-v1";                      // names the state layout in checkpoints
    }

    @Override
    public Pipeline<Trade> plan(Source<Trade> source, SequencedSink<WindowResult> sink)
    {
        return Pipeline.from(source)
            .assignTimestamps("event-time",
                WatermarkStrategy.<Trade>forBoundedOutOfOrderness(100).withTimestampAssigner(Trade::timeMs))
            .stage("volume")
            .keyBy(Trade::symbolId)
            .window(Windows.tumbling(1_000))
            .aggregate("volume", Aggregates.of(Aggregates.count(), Aggregates.sum(Trade::quantity)))
            .to(sink);
    }
    // volume:end

    @Override
    public RecordCodec<Trade> inputCodec()
    {
        return new TradeCodec();
    }

    @Override
    public RecordType<Trade> inputType()
    {
        return RecordType.of("Trade", Trade::new,
            (from, to) -> to.set(from.symbolId, from.quantity, from.priceTicks, from.timeMs));
    }

    @Override
    public RecordCodec<WindowResult> outputCodec()
    {
        return new WindowResultCodec(2);
    }

    @Override
    public KeySelector<Trade> inputKey()
    {
        return Trade::symbolId;
    }

    @Override
    public KeySelector<WindowResult> outputKey()
    {
        return WindowResult::key;
    }
}
