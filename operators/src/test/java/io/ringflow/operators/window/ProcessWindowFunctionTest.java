package io.ringflow.operators.window;

import io.ringflow.operators.testing.OperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessWindowFunctionTest
{
    /** Emits one string per firing listing "value@timestamp" of every buffered record in order. */
    private static WindowOperator<Event, String> listing(final WindowAssigner assigner, final long lateness, final int blockBytes)
    {
        final StringBuilder text = new StringBuilder();
        return WindowOperator.<Event>keyed("p", Event::key)
            .window(assigner)
            .allowedLateness(lateness)
            .recordBlockBytes(blockBytes)
            .process(Event.CODEC, (key, window, kind, contents, out) ->
            {
                text.setLength(0);
                text.append(key).append(' ').append(window).append(' ').append(kind).append(" n=").append(contents.size());
                while (contents.next())
                {
                    text.append(' ').append(contents.record().value()).append('@').append(contents.timestamp());
                }
                out.collect(text.toString());
            });
    }

    @Test
    void shouldSeeEveryRecordOfTheWindowInArrivalOrder()
    {
        try (OperatorTestHarness<Event, String> h = OperatorTestHarness.open(listing(Windows.tumbling(10), 0, 1024), s -> s))
        {
            h.processElement(new Event(1, 3), 4);
            h.processElement(new Event(1, 1), 2);
            h.processElement(new Event(2, 9), 5);
            h.processWatermark(9);

            assertThat(h.outputRecords()).containsExactly("1 [0, 10) ON_TIME n=2 3@4 1@2", "2 [0, 10) ON_TIME n=1 9@5");
            assertThat(h.output().get(0).timestamp()).isEqualTo(9);
        }
    }

    @Test
    void shouldSpillAcrossBlocksAndConcatenateMergedSessionsEarlierSessionFirst()
    {
        final List<String> expected = new ArrayList<>();
        try (OperatorTestHarness<Event, String> h = OperatorTestHarness.open(listing(Windows.session(5), 0, 64), s -> s))
        {
            // 64-byte blocks hold one 28-byte entry each after the header: every record takes a block
            final StringBuilder first = new StringBuilder();
            for (int i = 0; i < 3; i++)
            {
                h.processElement(new Event(1, i), i);
                first.append(' ').append(i).append('@').append(i);
            }
            final StringBuilder second = new StringBuilder();
            for (int i = 20; i < 23; i++)
            {
                h.processElement(new Event(1, i), i);
                second.append(' ').append(i).append('@').append(i);
            }
            h.processElement(new Event(1, 99), 10);   // [10,15) does not touch [0,7) nor [20,27)
            h.processElement(new Event(1, 77), 6);    // [6,11) bridges [0,7) and [10,15)
            h.processWatermark(Long.MAX_VALUE);
            expected.add("1 [0, 15) ON_TIME n=5" + first + " 99@10 77@6");
            expected.add("1 [20, 27) ON_TIME n=3" + second);

            assertThat(h.outputRecords()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldReuseFreedBlocksAfterWindowsAreCleanedUp()
    {
        final WindowOperator<Event, String> operator = listing(Windows.tumbling(10), 0, 1024);
        try (OperatorTestHarness<Event, String> h = OperatorTestHarness.open(operator, s -> s))
        {
            for (int round = 0; round < 50; round++)
            {
                for (int i = 0; i < 100; i++)
                {
                    h.processElement(new Event(i, i), round * 10L + 1);
                }
                h.processWatermark(round * 10L + 9);
            }
            assertThat(h.output()).hasSize(50 * 100);
            // 100 live windows at a time need 100 blocks of 1 KiB: one 1 MiB segment with reuse, 5 MiB without
            assertThat(operator.memoryBytes()).isLessThan(3L << 20);
        }
    }

    @Test
    void shouldRejectACodecWhoseRecordsDoNotFitABlock()
    {
        assertThatThrownBy(() -> listing(Windows.tumbling(10), 0, 32)).hasMessageContaining("power of two in [64");
        assertThatThrownBy(() -> WindowOperator.<Event>keyed("p", Event::key).window(Windows.tumbling(1))
            .recordBlockBytes(64).process(new LargeCodec(), (k, w, kind, c, o) -> { }))
            .hasMessageContaining("does not fit a record block of 64 bytes");
    }

    private static final class LargeCodec implements io.ringflow.operators.record.RecordCodec<Event>
    {
        @Override
        public int schemaId()
        {
            return 2;
        }

        @Override
        public int schemaVersion()
        {
            return 1;
        }

        @Override
        public int maxEncodedLength()
        {
            return 100;
        }

        @Override
        public Event newInstance()
        {
            return new Event();
        }

        @Override
        public int encode(final Event record, final org.agrona.MutableDirectBuffer buffer, final int offset)
        {
            return 0;
        }

        @Override
        public void decode(final org.agrona.DirectBuffer buffer, final int offset, final int length, final Event into)
        {
        }
    }
}
