package io.ringflow.operators.stateless;

import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.stateless.RecordingOutput.Emitted;
import io.ringflow.operators.stateless.RecordingOutput.Idle;
import io.ringflow.operators.stateless.RecordingOutput.Watermark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterOperatorTest
{
    private final RecordingOutput<Long> output = new RecordingOutput<>();

    private FilterOperator<Long> open(final FilterOperator<Long> operator)
    {
        operator.open(output);
        return operator;
    }

    @Test
    void shouldForwardKeptRecordsWithTheirTimestampAndDropTheOthers()
    {
        final FilterOperator<Long> evens = open(new FilterOperator<>("evens", value -> value % 2 == 0));

        evens.processRecord(1L, 10);
        evens.processRecord(2L, 20);
        evens.processRecord(3L, 30);
        evens.processRecord(4L, 40);

        assertThat(output.events).containsExactly(new Emitted(2L, 20), new Emitted(4L, 40));
    }

    @Test
    void shouldForwardWatermarksAndIdlenessUnchanged()
    {
        final FilterOperator<Long> none = open(new FilterOperator<>("none", value -> false));

        none.processRecord(1L, 5);
        none.processWatermark(7);
        none.processIdle();

        assertThat(output.events).containsExactly(new Watermark(7), new Idle());
    }

    @Test
    void shouldPropagateAFilterFailureAndStayUsable()
    {
        final FilterOperator<Long> picky = open(new FilterOperator<>("picky", value ->
        {
            if (value < 0)
            {
                throw new IllegalArgumentException("negative " + value);
            }
            return true;
        }));

        assertThatThrownBy(() -> picky.processRecord(-1L, 1)).hasMessage("negative -1");
        picky.processRecord(5L, 2);

        assertThat(output.events).containsExactly(new Emitted(5L, 2));
    }

    @Test
    void shouldWriteAnEmptyTypedSnapshot()
    {
        final FilterOperator<Long> filter = open(new FilterOperator<>("f", value -> true));
        final byte[] bytes = Snapshots.toBytes(filter);

        final FilterOperator<Long> restored = new FilterOperator<>("f", value -> true);
        restored.open(new RecordingOutput<>());
        Snapshots.restore(restored, bytes, "test");

        assertThat(filter.snapshotType()).isEqualTo("filter");
        assertThat(filter.snapshotVersion()).isEqualTo(1);
        assertThat(filter.name()).isEqualTo("f");
        final MapOperator<Long, RecordingOutput.Box> map =
            new MapOperator<>("m", (in, out) -> out.value = in, RecordingOutput.Box::new);
        assertThatThrownBy(() -> Snapshots.restore(map, bytes, "test"))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("'filter'");
    }

    @Test
    void shouldRequireANameAndAFilter()
    {
        assertThatThrownBy(() -> new FilterOperator<Long>("", value -> true))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilterOperator<Long>("f", null)).isInstanceOf(NullPointerException.class);
    }
}
