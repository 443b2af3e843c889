package io.ringflow.operators.process;

import io.ringflow.operators.Collector;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.testing.RecordCopier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedProcessOperatorTest
{
    private static final OutputTag<String> ALERTS = new OutputTag<>("alerts");

    /** Counts records per key (key = value / 100); reports the count when 50 ticks pass without a record. */
    private static final class IdleReporter implements KeyedProcessFunction<Long, String>
    {
        private LongValueState count;
        private LongValueState deadline;

        @Override
        public void open(final KeyedStateRegistry states)
        {
            count = states.longState("count");
            deadline = states.longState("deadline");
        }

        @Override
        public void processElement(final Long record, final Context ctx, final Collector<String> out)
        {
            count.set(count.get(0) + 1);
            if (deadline.exists())
            {
                ctx.deleteEventTimeTimer(deadline.get(0));
            }
            deadline.set(ctx.timestamp() + 50);
            ctx.registerEventTimeTimer(ctx.timestamp() + 50);
            if (record % 100 == 99)
            {
                ctx.output(ALERTS, "key " + ctx.currentKey() + " saw " + record);
            }
        }

        @Override
        public void onTimer(final long timestamp, final Context ctx, final Collector<String> out)
        {
            out.collect("key " + ctx.currentKey() + " idle with " + count.get(0) + " at wm " + ctx.currentWatermark());
            count.clear();
            deadline.clear();
        }
    }

    private static OperatorTestHarness<Long, String> harness()
    {
        return OperatorTestHarness.open(new KeyedProcessOperator<>("idle", v -> v / 100, new IdleReporter(), 16),
            RecordCopier.identity());
    }

    @Test
    void shouldFireTimersOnTheWatermarkWithTheTimersKeyAndTimestamp()
    {
        try (OperatorTestHarness<Long, String> h = harness())
        {
            h.processElement(101L, 10).processElement(102L, 30).processElement(201L, 20);
            h.processWatermark(69);
            assertThat(h.output()).isEmpty();
            h.processWatermark(70);
            assertThat(h.output()).extracting(Emitted::toString).containsExactly("key 2 idle with 1 at wm 70@70");
        }
    }

    @Test
    void shouldMoveTheDeadlineWhenTheTimerIsDeletedAndReRegistered()
    {
        try (OperatorTestHarness<Long, String> h = harness())
        {
            h.processElement(101L, 10).processElement(102L, 30);
            h.processWatermark(60);
            assertThat(h.output()).isEmpty();
            h.processWatermark(80);
            assertThat(h.outputRecords()).containsExactly("key 1 idle with 2 at wm 80");
            assertThat(h.output().get(0).timestamp()).isEqualTo(80);
        }
    }

    @Test
    void shouldRouteSideOutputsAndKeepStatePerKey()
    {
        try (OperatorTestHarness<Long, String> h = harness())
        {
            h.processElement(199L, 1).processElement(299L, 2).processElement(150L, 3);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.sideOutput(ALERTS)).extracting(Emitted::record).containsExactly("key 1 saw 199", "key 2 saw 299");
            assertThat(h.outputRecords()).containsExactly(
                "key 2 idle with 1 at wm " + Long.MAX_VALUE, "key 1 idle with 2 at wm " + Long.MAX_VALUE);
        }
    }

    @Test
    void shouldRefuseStateDeclaredOutsideOpenOrTwice()
    {
        final KeyedProcessFunction<Long, String> twice = new KeyedProcessFunction<>()
        {
            @Override
            public void open(final KeyedStateRegistry states)
            {
                states.longState("a");
                states.longState("a");
            }

            @Override
            public void processElement(final Long record, final Context ctx, final Collector<String> out)
            {
            }
        };
        assertThatThrownBy(() -> OperatorTestHarness.open(new KeyedProcessOperator<>("t", v -> v, twice, 4), RecordCopier.identity()))
            .hasMessageContaining("already has a state named 'a'");
    }
}
