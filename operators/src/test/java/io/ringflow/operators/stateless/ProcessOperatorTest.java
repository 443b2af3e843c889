package io.ringflow.operators.stateless;

import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.stateless.RecordingOutput.Box;
import io.ringflow.operators.stateless.RecordingOutput.Emitted;
import io.ringflow.operators.stateless.RecordingOutput.Side;
import io.ringflow.operators.stateless.RecordingOutput.Watermark;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessOperatorTest
{
    private static final OutputTag<Box> LARGE = new OutputTag<>("large");
    private static final OutputTag<String> AUDIT = new OutputTag<>("audit");

    private final RecordingOutput<Box> output = new RecordingOutput<>();

    /** Small values go to the main output, large ones to a side output; every record is audited. */
    private static ProcessOperator<Long, Box> router()
    {
        final Box reused = new Box();
        return new ProcessOperator<>("router", (value, ctx) ->
        {
            reused.value = value;
            reused.label = "ts=" + ctx.timestamp();
            if (value < 100)
            {
                ctx.emit(reused);
            }
            else
            {
                ctx.output(LARGE, reused);
            }
            ctx.output(AUDIT, "seen " + value);
        });
    }

    @Test
    void shouldRouteToMainAndSideOutputsWithTheInputTimestamp()
    {
        final ProcessOperator<Long, Box> router = router();
        router.open(output);

        router.processRecord(5L, 10);
        router.processRecord(500L, 11);

        assertThat(output.events).containsExactly(
            new Emitted(new Box(5, "ts=10"), 10),
            new Side("audit", "seen 5", 10),
            new Side("large", new Box(500, "ts=11"), 11),
            new Side("audit", "seen 500", 11));
    }

    @Test
    void shouldEmitSeveralRecordsPerInput()
    {
        final ProcessOperator<Long, Long> repeat = new ProcessOperator<>("repeat", (value, ctx) ->
        {
            for (long i = 0; i < value; i++)
            {
                ctx.emit(i);
            }
        });
        final RecordingOutput<Long> longs = new RecordingOutput<>();
        repeat.open(longs);

        repeat.processRecord(0L, 1);
        repeat.processRecord(3L, 2);

        assertThat(longs.events).containsExactly(new Emitted(0L, 2), new Emitted(1L, 2), new Emitted(2L, 2));
    }

    @Test
    void shouldExposeTheLastWatermarkReceivedAndForwardIt()
    {
        final List<Long> seen = new ArrayList<>();
        final ProcessOperator<Long, Long> operator =
            new ProcessOperator<>("wm", (value, ctx) -> seen.add(ctx.currentWatermark()));
        final RecordingOutput<Long> longs = new RecordingOutput<>();
        operator.open(longs);

        operator.processRecord(1L, 1);
        operator.processWatermark(40);
        operator.processRecord(2L, 50);

        assertThat(seen).containsExactly(Timestamps.MIN_WATERMARK, 40L);
        assertThat(longs.events).containsExactly(new Watermark(40));
        assertThat(operator.currentWatermark()).isEqualTo(40);
    }

    @Test
    void shouldRestoreTheWatermarkItSawSoTheFunctionBehavesTheSame()
    {
        final List<Long> seen = new ArrayList<>();
        final ProcessFunction<Long, Long> function = (value, ctx) -> seen.add(ctx.currentWatermark());
        final ProcessOperator<Long, Long> original = new ProcessOperator<>("wm", function);
        original.open(new RecordingOutput<>());
        original.processWatermark(77);

        final ProcessOperator<Long, Long> restored = new ProcessOperator<>("wm", function);
        restored.open(new RecordingOutput<>());
        Snapshots.restore(restored, Snapshots.toBytes(original), "test");
        restored.processRecord(1L, 80);

        assertThat(seen).containsExactly(77L);
        assertThat(restored.snapshotType()).isEqualTo("process");
    }

    @Test
    void shouldHandTheSameContextToEveryCallAndRefuseItAfterwards()
    {
        final List<ProcessFunction.Context<Long>> contexts = new ArrayList<>();
        final ProcessOperator<Long, Long> operator = new ProcessOperator<>("keeper", (value, ctx) -> contexts.add(ctx));
        operator.open(new RecordingOutput<>());

        operator.processRecord(1L, 1);
        operator.processRecord(2L, 2);

        assertThat(contexts.get(0)).isSameAs(contexts.get(1));
        assertThatThrownBy(() -> contexts.get(0).emit(3L))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("keeper");
        assertThatThrownBy(() -> contexts.get(0).output(AUDIT, "late"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldPropagateAFunctionFailureAndStayUsable()
    {
        final ProcessOperator<Long, Long> operator = new ProcessOperator<>("fragile", (value, ctx) ->
        {
            ctx.output(AUDIT, "before " + value);
            if (value == 13)
            {
                throw new IllegalStateException("unlucky");
            }
            ctx.emit(value);
        });
        final RecordingOutput<Long> longs = new RecordingOutput<>();
        operator.open(longs);

        assertThatThrownBy(() -> operator.processRecord(13L, 1)).hasMessage("unlucky");
        operator.processRecord(14L, 2);

        assertThat(longs.events).containsExactly(
            new Side("audit", "before 13", 1), new Side("audit", "before 14", 2), new Emitted(14L, 2));
    }
}
