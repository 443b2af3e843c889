package io.ringflow.replay.join;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.TwoInputAdapter;
import io.ringflow.operators.join.IntervalJoinOperator;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.operators.time.TwoSidedTimestampsOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;

/** Orders joined with their account's fills 0..50 ms later: a two-input pipeline for durable runs and replays. */
public class OrderFillDefinition implements PipelineDefinition<Exec, Fill>
{
    private static WatermarkStrategy<Exec> tenMsLate()
    {
        return WatermarkStrategy.<Exec>forBoundedOutOfOrderness(10).withTimestampAssigner(Exec::timeMs);
    }

    static IntervalJoinOperator<Exec, Exec, Fill> join()
    {
        return IntervalJoinOperator.<Exec, Exec>keyed("order-fill", Exec::account, Exec::account)
            .between(0, 50)
            .join(Exec.CODEC, Exec.CODEC, Fill::new,
                (order, fill, into) -> into.set(order.account, order.timeMs, fill.timeMs, fill.quantity));
    }

    /** @return the same operators as the plan, as one chain for the test harness. */
    static OneInputOperator<Exec, Fill> asChain()
    {
        return OperatorChain.<Exec, Exec>first(new TwoSidedTimestampsOperator<>("event-time", Exec.SIDES, tenMsLate(), tenMsLate()))
            .then(new TwoInputAdapter<>(Exec.SIDES, join()));
    }

    @Override
    public String id()
    {
        return "order-fill-v1";
    }

    @Override
    public RecordCodec<Exec> inputCodec()
    {
        return Exec.CODEC;
    }

    @Override
    public RecordType<Exec> inputType()
    {
        return Exec.TYPE;
    }

    @Override
    public RecordCodec<Fill> outputCodec()
    {
        return Fill.CODEC;
    }

    @Override
    public Pipeline<Exec> plan(final Source<Exec> source, final SequencedSink<Fill> sink)
    {
        return Pipeline.from(source)
            .assignTimestamps("event-time", Exec.SIDES, tenMsLate(), tenMsLate())
            .stage("join")
            .connect("order-fill", Exec.SIDES, OrderFillDefinition::join, Fill.TYPE)
            .to(sink);
    }
}
