package io.ringflow.operators.window;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.dedup.DedupOperator;
import io.ringflow.operators.process.KeyedProcessFunction;
import io.ringflow.operators.process.KeyedProcessOperator;
import io.ringflow.operators.process.LongValueState;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.testing.RecordCopier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run cut at a random point, snapshotted and restored into a fresh operator, produces exactly the
 * output of the uncut run: main output, timestamps, watermarks and rejections, in order.
 */
class RestoreEquivalenceTest
{
    /** One step of a generated stream: a record (key, value, timestamp) or a watermark. */
    private static final class Step
    {
        final boolean watermark;
        final long key;
        final long value;
        final long time;

        Step(final boolean watermark, final long key, final long value, final long time)
        {
            this.watermark = watermark;
            this.key = key;
            this.value = value;
            this.time = time;
        }
    }

    private static List<Step> stream(final long seed, final int length)
    {
        final Random random = new Random(seed);
        final List<Step> steps = new ArrayList<>();
        long maxTimestamp = random.nextInt(200) - 100;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < length; i++)
        {
            if (random.nextInt(5) == 0)
            {
                final long candidate = maxTimestamp - random.nextInt(20);
                if (candidate > watermark)
                {
                    watermark = candidate;
                    steps.add(new Step(true, 0, 0, watermark));
                }
                continue;
            }
            final long timestamp = random.nextInt(10) == 0 ? maxTimestamp - random.nextInt(120) :
                maxTimestamp + random.nextInt(15) - 5;
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            steps.add(new Step(false, random.nextInt(6), random.nextInt(1000), timestamp));
        }
        steps.add(new Step(true, 0, 0, Long.MAX_VALUE));
        return steps;
    }

    private static <O> void run(final OperatorTestHarness<Event, O> h, final List<Step> steps)
    {
        final Event event = new Event();
        for (final Step step : steps)
        {
            if (step.watermark)
            {
                h.processWatermark(step.time);
            }
            else
            {
                event.key = step.key;
                event.value = step.value;
                h.processElement(event, step.time);
            }
        }
    }

    private static <O> void assertRestoreEquivalent(
        final Supplier<OneInputOperator<Event, O>> factory, final RecordCopier<O> copier, final long seed, final int cutPercent)
    {
        final List<Step> steps = stream(seed, 400);
        final int cut = steps.size() * cutPercent / 100;

        final List<String> uncut = new ArrayList<>();
        try (OperatorTestHarness<Event, O> h = OperatorTestHarness.open(factory.get(), Event::copy, copier))
        {
            run(h, steps);
            uncut.add(h.output().toString());
            uncut.add(h.watermarks().toString());
            uncut.add(h.rejected().toString());
        }

        final byte[] snapshot;
        final List<String> before = new ArrayList<>();
        try (OperatorTestHarness<Event, O> h = OperatorTestHarness.open(factory.get(), Event::copy, copier))
        {
            run(h, steps.subList(0, cut));
            snapshot = h.snapshot();
            before.add(h.output().toString());
            before.add(h.watermarks().toString());
            before.add(h.rejected().toString());
        }
        try (OperatorTestHarness<Event, O> h = OperatorTestHarness.restore(factory.get(), snapshot, Event::copy, copier))
        {
            run(h, steps.subList(cut, steps.size()));
            assertThat(join(before.get(0), h.output().toString())).isEqualTo(uncut.get(0));
            assertThat(join(before.get(1), h.watermarks().toString())).isEqualTo(uncut.get(1));
            assertThat(join(before.get(2), h.rejected().toString())).isEqualTo(uncut.get(2));
        }
    }

    /** Concatenate two list renderings "[a, b]" + "[c]" → "[a, b, c]". */
    private static String join(final String first, final String second)
    {
        if (first.equals("[]"))
        {
            return second;
        }
        if (second.equals("[]"))
        {
            return first;
        }
        return first.substring(0, first.length() - 1) + ", " + second.substring(1);
    }

    private static Supplier<OneInputOperator<Event, WindowResult>> aggregating(final WindowAssigner assigner, final long lateness)
    {
        return () -> WindowOperator.<Event>keyed("w", Event::key)
            .window(assigner)
            .allowedLateness(lateness)
            .expectedKeys(2)   // small, so that restore and growth paths are exercised
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value), Aggregates.min(Event::value),
                Aggregates.max(Event::value), Aggregates.first(Event::value), Aggregates.last(Event::value)));
    }

    @Property(tries = 60)
    void tumblingWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(aggregating(Windows.tumbling(25, 7), 30), WindowResult::copy, seed, cut);
    }

    @Property(tries = 60)
    void slidingWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(aggregating(Windows.sliding(30, 10), 15), WindowResult::copy, seed, cut);
    }

    @Property(tries = 60)
    void slidingWindowsKeptAsPanesRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowOperator.<Event>keyed("w", Event::key)
            .window(Windows.sliding(30, 10))
            .allowedLateness(15)
            .expectedKeys(2)
            .panes()
            .aggregate(Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value), Aggregates.min(Event::value),
                Aggregates.max(Event::value), Aggregates.first(Event::value), Aggregates.last(Event::value))),
            WindowResult::copy, seed, cut);
    }

    @Property(tries = 60)
    void sessionWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(aggregating(Windows.session(8), 20), WindowResult::copy, seed, cut);
    }

    @Property(tries = 40)
    void earlyFiringWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowOperator.<Event>keyed("e", Event::key)
            .window(Windows.session(12))
            .allowedLateness(10)
            .trigger(Triggers.eventTimeWithEarlyFirings(5))
            .aggregate(Aggregates.sum(Event::value)), WindowResult::copy, seed, cut);
    }

    @Property(tries = 40)
    void bufferedSessionWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowOperator.<Event>keyed("p", Event::key)
            .window(Windows.session(10))
            .allowedLateness(10)
            .recordBlockBytes(64)
            .process(Event.CODEC, (key, window, kind, contents, out) ->
            {
                long checksum = 0;
                while (contents.next())
                {
                    checksum = checksum * 31 + contents.record().value() * 7 + contents.timestamp();
                }
                out.collect(key + " " + window + " " + kind + " " + contents.size() + " " + checksum);
            }), s -> s, seed, cut);
    }

    @Property(tries = 40)
    void countWindowsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> new CountWindowOperator<>("c", Event::key, 6, 4,
            Aggregates.of(Aggregates.count(), Aggregates.sum(Event::value), Aggregates.average(Event::value)), 2),
            WindowResult::copy, seed, cut);
    }

    @Property(tries = 40)
    void dedupRestoresExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> new DedupOperator<Event>("d", e -> e.value % 50, 30, 2), Event::copy, seed, cut);
    }

    @Property(tries = 40)
    void keyedProcessFunctionsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> new KeyedProcessOperator<>("k", Event::key, new RunningTotalWithTimeout(), 2),
            s -> s, seed, cut);
    }

    /** Running total per key; a timer 20 ticks after each record reports and resets the total. */
    static final class RunningTotalWithTimeout implements KeyedProcessFunction<Event, String>
    {
        private LongValueState total;

        @Override
        public void open(final io.ringflow.operators.process.KeyedStateRegistry states)
        {
            total = states.longState("total");
        }

        @Override
        public void processElement(final Event record, final Context ctx, final io.ringflow.operators.Collector<String> out)
        {
            total.set(total.get(0) + record.value());
            ctx.registerEventTimeTimer(ctx.timestamp() + 20);
        }

        @Override
        public void onTimer(final long timestamp, final Context ctx, final io.ringflow.operators.Collector<String> out)
        {
            out.collect(ctx.currentKey() + ":" + total.get(-1) + "@" + timestamp);
            total.clear();
        }
    }

    @Test
    void shouldRejectAFlippedByteWithAChecksumError()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Event, WindowResult> h = Windowing.harness(Windowing.countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(1, 1), 5);
            snapshot = h.snapshot();
        }
        snapshot[snapshot.length / 2] ^= 0x10;
        assertThatThrownBy(() -> OperatorTestHarness.restore(Windowing.countSum(Windows.tumbling(10), 0), snapshot,
            Event::copy, WindowResult::copy))
            .isInstanceOf(SnapshotException.class).hasMessageContaining("checksum mismatch in frame 'window'");
    }

    @Test
    void shouldRejectATruncatedSnapshotNamingTheMissingBytes()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Event, WindowResult> h = Windowing.harness(Windowing.countSum(Windows.tumbling(10), 0)))
        {
            h.processElement(new Event(1, 1), 5);
            snapshot = h.snapshot();
        }
        final byte[] truncated = java.util.Arrays.copyOf(snapshot, snapshot.length - 9);
        assertThatThrownBy(() -> OperatorTestHarness.restore(Windowing.countSum(Windows.tumbling(10), 0), truncated,
            Event::copy, WindowResult::copy))
            .isInstanceOf(SnapshotException.class).hasMessageContaining("truncated snapshot");
    }

    @Test
    void shouldRefuseToRestoreIntoADifferentlyConfiguredOperator()
    {
        final byte[] snapshot;
        try (OperatorTestHarness<Event, WindowResult> h = Windowing.harness(Windowing.countSum(Windows.tumbling(10), 0)))
        {
            snapshot = h.snapshot();
        }
        assertThatThrownBy(() -> OperatorTestHarness.restore(Windowing.countSum(Windows.tumbling(20), 0), snapshot,
            Event::copy, WindowResult::copy))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("taken with tumbling(size=10").hasMessageContaining("configured as tumbling(size=20");
        assertThatThrownBy(() -> OperatorTestHarness.restore(new DedupOperator<Event>("d", Event::key, 5, 4), snapshot,
            Event::copy, Event::copy))
            .isInstanceOf(SnapshotException.class).hasMessageContaining("holds 'window' state, cannot restore it into 'dedup'");
    }
}
