package io.ringflow.operators.stateless;

import io.ringflow.operators.Collector;
import io.ringflow.operators.stateless.RecordingOutput.Box;
import io.ringflow.operators.stateless.RecordingOutput.Emitted;
import io.ringflow.operators.stateless.RecordingOutput.Idle;
import io.ringflow.operators.stateless.RecordingOutput.Watermark;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatMapOperatorTest
{
    private final RecordingOutput<Box> output = new RecordingOutput<>();

    /** Splits "a,b,c" into one reused Box per part, as an allocation-free function would. */
    private static FlatMapOperator<String, Box> splitter()
    {
        final Box reused = new Box();
        return new FlatMapOperator<>("split", (line, out) ->
        {
            if (line.isEmpty())
            {
                return;
            }
            final String[] parts = line.split(",");
            for (int i = 0; i < parts.length; i++)
            {
                reused.value = i;
                reused.label = parts[i];
                out.collect(reused);
            }
        });
    }

    @Test
    void shouldEmitNothingForZeroOutputs()
    {
        final FlatMapOperator<String, Box> split = splitter();
        split.open(output);

        split.processRecord("", 5);

        assertThat(output.events).isEmpty();
    }

    @Test
    void shouldEmitOneOutputWithTheInputTimestamp()
    {
        final FlatMapOperator<String, Box> split = splitter();
        split.open(output);

        split.processRecord("only", 5);

        assertThat(output.events).containsExactly(new Emitted(new Box(0, "only"), 5));
    }

    @Test
    void shouldEmitManyOutputsEachWithTheInputTimestamp()
    {
        final FlatMapOperator<String, Box> split = splitter();
        split.open(output);

        split.processRecord("a,b,c", 7);
        split.processWatermark(6);
        split.processRecord("d,e", 9);
        split.processIdle();

        assertThat(output.events).containsExactly(
            new Emitted(new Box(0, "a"), 7), new Emitted(new Box(1, "b"), 7), new Emitted(new Box(2, "c"), 7),
            new Watermark(6),
            new Emitted(new Box(0, "d"), 9), new Emitted(new Box(1, "e"), 9),
            new Idle());
    }

    @Test
    void shouldHandTheSameCollectorToEveryCall()
    {
        final List<Collector<Long>> collectors = new ArrayList<>();
        final FlatMapOperator<Long, Long> operator = new FlatMapOperator<>("same", (in, out) -> collectors.add(out));
        operator.open(new RecordingOutput<>());

        operator.processRecord(1L, 1);
        operator.processRecord(2L, 2);

        assertThat(collectors).hasSize(2);
        assertThat(collectors.get(0)).isSameAs(collectors.get(1));
    }

    @Test
    void shouldRefuseACollectorKeptBeyondItsCallNamingTheOperator()
    {
        final List<Collector<Long>> kept = new ArrayList<>();
        final FlatMapOperator<Long, Long> operator = new FlatMapOperator<>("leaky", (in, out) -> kept.add(out));
        operator.open(new RecordingOutput<>());
        operator.processRecord(1L, 1);

        assertThatThrownBy(() -> kept.get(0).collect(99L))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("leaky");
    }

    @Test
    void shouldPropagateAFunctionFailureAndStayUsable()
    {
        final List<Collector<Long>> kept = new ArrayList<>();
        final FlatMapOperator<Long, Long> operator = new FlatMapOperator<>("fragile", (in, out) ->
        {
            kept.add(out);
            out.collect(in);
            if (in == 13)
            {
                throw new IllegalStateException("unlucky");
            }
        });
        final RecordingOutput<Long> longs = new RecordingOutput<>();
        operator.open(longs);

        assertThatThrownBy(() -> operator.processRecord(13L, 1)).hasMessage("unlucky");
        assertThatThrownBy(() -> kept.get(0).collect(0L)).isInstanceOf(IllegalStateException.class);
        operator.processRecord(14L, 2);

        assertThat(longs.events).containsExactly(new Emitted(13L, 1), new Emitted(14L, 2));
    }

    @Test
    void shouldBeStatelessWithTypeFlatMap()
    {
        assertThat(splitter().snapshotType()).isEqualTo("flatMap");
        assertThat(splitter().snapshotVersion()).isEqualTo(1);
        assertThat(splitter().name()).isEqualTo("split");
    }
}
