package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.record.RecordCodec;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Source;

/**
 * What the CLI tests name with {@code --pipeline}: orders in, the signed order amount out as a balance
 * change, both keyed by account. The CLI never runs the plan; it is here because a definition has one.
 */
public class TestPipeline implements PipelineDefinition<Order, Balance>
{
    /** Loaded by name. */
    public TestPipeline()
    {
    }

    @Override
    public String id()
    {
        return "cli-test-v1";
    }

    @Override
    public RecordCodec<Order> inputCodec()
    {
        return Order.CODEC;
    }

    @Override
    public RecordType<Order> inputType()
    {
        return Order.TYPE;
    }

    @Override
    public RecordCodec<Balance> outputCodec()
    {
        return Balance.CODEC;
    }

    @Override
    public Pipeline<Order> plan(final Source<Order> source, final SequencedSink<Balance> sink)
    {
        return Pipeline.from(source)
            .map("signed", (order, balance) -> balance.set(order.account,
                Order.Side.BUY == order.side ? -order.amountCents : order.amountCents), Balance.TYPE)
            .to(sink);
    }

    @Override
    public KeySelector<Order> inputKey()
    {
        return Order::account;
    }

    @Override
    public KeySelector<Balance> outputKey()
    {
        return Balance::account;
    }
}
