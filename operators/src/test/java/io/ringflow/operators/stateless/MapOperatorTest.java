package io.ringflow.operators.stateless;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.stateless.RecordingOutput.Box;
import io.ringflow.operators.stateless.RecordingOutput.Emitted;
import io.ringflow.operators.stateless.RecordingOutput.Watermark;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapOperatorTest
{
    private final RecordingOutput<Box> output = new RecordingOutput<>();

    @Test
    void shouldMapEveryRecordKeepingItsTimestamp()
    {
        final MapOperator<String, Box> parse = new MapOperator<>("parse", (in, out) ->
        {
            out.value = Long.parseLong(in);
            out.label = "#" + in;
        }, Box::new);
        parse.open(output);

        parse.processRecord("7", 100);
        parse.processRecord("8", 90);
        parse.processWatermark(95);

        assertThat(output.events).containsExactly(
            new Emitted(new Box(7, "#7"), 100), new Emitted(new Box(8, "#8"), 90), new Watermark(95));
    }

    @Test
    void shouldCallTheFactoryOnceAndReuseItsRecordForEveryOutput()
    {
        final AtomicInteger created = new AtomicInteger();
        final MapOperator<Long, Box> map = new MapOperator<>("double", (in, out) -> out.value = in * 2, () ->
        {
            created.incrementAndGet();
            return new Box();
        });
        final List<Box> emitted = new ArrayList<>();
        map.open(new IdentityOutput(emitted));

        map.processRecord(1L, 1);
        map.processRecord(2L, 2);
        map.processRecord(3L, 3);

        assertThat(created).hasValue(1);
        assertThat(emitted).hasSize(3);
        assertThat(emitted.get(0)).isSameAs(emitted.get(1)).isSameAs(emitted.get(2));
        assertThat(emitted.get(2).value).isEqualTo(6);
    }

    @Test
    void shouldPropagateAMapperFailureAndOverwriteTheHalfWrittenRecordNextTime()
    {
        final MapOperator<String, Box> parse = new MapOperator<>("parse", (in, out) ->
        {
            out.label = in;
            out.value = Long.parseLong(in);
        }, Box::new);
        parse.open(output);

        assertThatThrownBy(() -> parse.processRecord("x", 1)).isInstanceOf(NumberFormatException.class);
        parse.processRecord("4", 2);

        assertThat(output.events).containsExactly(new Emitted(new Box(4, "4"), 2));
    }

    @Test
    void shouldRejectAFactoryThatReturnsNullNamingTheOperator()
    {
        assertThatThrownBy(() -> new MapOperator<Long, Box>("enrich", (in, out) -> { }, () -> null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("enrich");
    }

    @Test
    void shouldBeStatelessWithTypeMap()
    {
        final MapOperator<Long, Box> map = new MapOperator<>("m", (in, out) -> { }, Box::new);

        assertThat(map.snapshotType()).isEqualTo("map");
        assertThat(map.snapshotVersion()).isEqualTo(1);
        assertThat(map.name()).isEqualTo("m");
    }

    /** Keeps references, not copies, to show the instance is reused. */
    private record IdentityOutput(List<Box> emitted) implements Output<Box>
    {
        @Override
        public void emit(final Box record, final long timestamp)
        {
            emitted.add(record);
        }

        @Override
        public void emitWatermark(final long watermark)
        {
        }

        @Override
        public void emitIdle()
        {
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
        }
    }
}
