package io.ringflow.operators.stateless;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.stateless.RecordingOutput.Box;
import io.ringflow.operators.stateless.RecordingOutput.Emitted;
import io.ringflow.operators.stateless.RecordingOutput.Idle;
import io.ringflow.operators.stateless.RecordingOutput.RejectedCopy;
import io.ringflow.operators.stateless.RecordingOutput.Side;
import io.ringflow.operators.stateless.RecordingOutput.Watermark;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stamp → route (side output "refunds") → toCents → dropSmall, fused into one chain.
 */
class StatelessChainTest
{
    private static final OutputTag<Order> REFUNDS = new OutputTag<>("refunds");

    record Order(String id, long timeMs, long amount)
    {
    }

    private static OperatorChain<Order, Box> chain()
    {
        return OperatorChain
            .first(new TimestampsAndWatermarksOperator<>("stamp",
                WatermarkStrategy.<Order>forBoundedOutOfOrderness(10)
                    .withTimestampAssigner(Order::timeMs)
                    .withIdleness(100)))
            .then(new ProcessOperator<Order, Order>("route", (order, ctx) ->
            {
                if (order.amount() < 0)
                {
                    ctx.output(REFUNDS, order);
                }
                else
                {
                    ctx.emit(order);
                }
            }))
            .then(new MapOperator<Order, Box>("toCents", (order, out) ->
            {
                out.value = order.amount() * 100;
                out.label = order.id();
            }, Box::new))
            .then(new FilterOperator<>("dropSmall", box -> box.value >= 1_000));
    }

    @Test
    void shouldRunRecordsThroughTheChainAndSideOutputsAroundIt()
    {
        final OperatorChain<Order, Box> chain = chain();
        final RecordingOutput<Box> output = new RecordingOutput<>();
        chain.open(output);
        final Order refund = new Order("r1", 105, -20);
        final Order noTime = new Order("x", Long.MIN_VALUE, 50);

        chain.processRecord(new Order("big", 100, 25), Timestamps.NO_TIMESTAMP);
        chain.processRecord(new Order("small", 101, 2), Timestamps.NO_TIMESTAMP);
        chain.processRecord(refund, Timestamps.NO_TIMESTAMP);
        chain.processRecord(noTime, Timestamps.NO_TIMESTAMP);
        chain.processWatermark(Timestamps.END_OF_STREAM);

        assertThat(output.events).containsExactly(
            new Emitted(new Box(2_500, "big"), 100), new Watermark(89),
            new Watermark(90),
            new Side("refunds", refund, 105), new Watermark(94),
            new Side(Rejected.TAG.name(),
                new RejectedCopy("stamp", noTime, Long.MIN_VALUE, RejectReason.INVALID_TIMESTAMP, 94),
                Timestamps.NO_TIMESTAMP),
            new Watermark(Timestamps.END_OF_STREAM));
    }

    @Test
    void shouldCarryIdlenessFromTheHeadToTheChainOutput()
    {
        final OperatorChain<Order, Box> chain = chain();
        final RecordingOutput<Box> output = new RecordingOutput<>();
        chain.open(output);

        chain.onProcessingTime(0);
        chain.onProcessingTime(100);

        assertThat(output.events).containsExactly(new Idle());
    }

    @Test
    void shouldContinueIdenticallyAfterTheChainIsRestored()
    {
        final OperatorChain<Order, Box> original = chain();
        final RecordingOutput<Box> originalOutput = new RecordingOutput<>();
        original.open(originalOutput);
        original.onProcessingTime(0);
        original.processRecord(new Order("a", 200, 30), Timestamps.NO_TIMESTAMP);

        final OperatorChain<Order, Box> restored = chain();
        final RecordingOutput<Box> restoredOutput = new RecordingOutput<>();
        restored.open(restoredOutput);
        Snapshots.restore(restored, Snapshots.toBytes(original), "test");
        originalOutput.clear();

        for (final OperatorChain<Order, Box> chain : List.of(original, restored))
        {
            chain.processRecord(new Order("late", 150, 40), Timestamps.NO_TIMESTAMP);
            chain.processRecord(new Order("b", 230, 50), Timestamps.NO_TIMESTAMP);
            chain.onProcessingTime(50);
            chain.onProcessingTime(150);
        }

        assertThat(restoredOutput.events).isEqualTo(originalOutput.events).containsExactly(
            new Emitted(new Box(4_000, "late"), 150),
            new Emitted(new Box(5_000, "b"), 230), new Watermark(219),
            new Idle());
    }
}
