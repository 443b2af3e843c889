package io.ringflow.replay;

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

/** Count and sum per card in 100 ms sliding windows, after dedup-free filtering: the replay tests' pipeline. */
public class VelocityDefinition implements PipelineDefinition<Txn, WindowResult>
{
    @Override
    public String id()
    {
        return "velocity-v1";
    }

    @Override
    public RecordCodec<Txn> inputCodec()
    {
        return new Txn.Codec();
    }

    @Override
    public RecordType<Txn> inputType()
    {
        return Txn.TYPE;
    }

    @Override
    public RecordCodec<WindowResult> outputCodec()
    {
        return new WindowResultCodec(2);
    }

    @Override
    public Pipeline<Txn> plan(final Source<Txn> source, final SequencedSink<WindowResult> sink)
    {
        return Pipeline.from(source)
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(20).withTimestampAssigner(Txn::timeMs))
            .filter("positive", txn -> txn.amount > 0)
            .stage("windows")
            .keyBy(Txn::card)
            .window(windows())
            .aggregate("velocity", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)))
            .to(sink);
    }

    /** @return the window the pipeline uses; a subclass changes it to make a replay diverge. */
    protected io.ringflow.operators.window.WindowAssigner windows()
    {
        return Windows.sliding(100, 50);
    }

    @Override
    public KeySelector<Txn> inputKey()
    {
        return Txn::card;
    }

    @Override
    public KeySelector<WindowResult> outputKey()
    {
        return WindowResult::key;
    }
}
