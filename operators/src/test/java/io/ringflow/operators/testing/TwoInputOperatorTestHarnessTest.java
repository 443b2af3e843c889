package io.ringflow.operators.testing;

import io.ringflow.operators.Output;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwoInputOperatorTestHarnessTest
{
    @Test
    void shouldHandTheOperatorTheMinimumWatermarkOfTheSidesThatAreNotIdle()
    {
        try (TwoInputOperatorTestHarness<String, Long, String> h = TwoInputOperatorTestHarness.open(new Tagging(), s -> s))
        {
            h.processLeft("a", 1).processRight(7L, 2);
            h.leftWatermark(10);
            assertThat(h.watermarks()).as("the right side has no watermark yet").isEmpty();
            h.rightWatermark(5).leftWatermark(20);
            assertThat(h.watermarks()).containsExactly(5L);
            h.rightIdle();
            assertThat(h.watermarks()).containsExactly(5L, 20L);
            h.processRight(8L, 25).rightWatermark(30);
            assertThat(h.currentWatermark()).as("active again, but never back").isEqualTo(20);
            h.leftIdle();
            assertThat(h.watermarks()).containsExactly(5L, 20L, 30L);
            h.rightIdle();
            assertThat(h.idleSignals()).isEqualTo(1);
            assertThat(h.outputRecords()).containsExactly("L:a@1", "R:7@2", "R:8@25");
        }
    }

    /** Tags each record with its side; forwards watermarks and idleness. */
    static final class Tagging implements TwoInputOperator<String, Long, String>
    {
        private Output<String> output;

        @Override
        public void open(final Output<String> output)
        {
            this.output = output;
        }

        @Override
        public void processLeft(final String record, final long timestamp)
        {
            output.emit("L:" + record + "@" + timestamp, timestamp);
        }

        @Override
        public void processRight(final Long record, final long timestamp)
        {
            output.emit("R:" + record + "@" + timestamp, timestamp);
        }

        @Override
        public void processWatermark(final long watermark)
        {
            output.emitWatermark(watermark);
        }

        @Override
        public void processIdle()
        {
            output.emitIdle();
        }

        @Override
        public String snapshotType()
        {
            return "tagging";
        }

        @Override
        public int snapshotVersion()
        {
            return 1;
        }

        @Override
        public void snapshotState(final SnapshotWriter out)
        {
        }

        @Override
        public void restoreState(final SnapshotReader in, final int version)
        {
        }
    }
}
