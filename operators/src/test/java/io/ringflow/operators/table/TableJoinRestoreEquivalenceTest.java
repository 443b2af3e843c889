package io.ringflow.operators.table;

import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run cut anywhere, snapshotted and restored into a fresh operator, produces exactly what the uncut run
 * produces: outputs with timestamps, watermarks, rejections with their reasons, counters, and every key's
 * versions at the end. Inputs are random (seeded): both sides interleaved, out of order, late, deletes,
 * the odd reserved timestamp, a monotone combined watermark.
 */
class TableJoinRestoreEquivalenceTest
{
    private static final int KEYS = 6;

    /** One input step: a stream record, a changelog record, or a combined watermark. */
    static final class Step
    {
        final char kind;
        final long key;
        final long value;
        final boolean delete;
        final long time;

        Step(final char kind, final long key, final long value, final boolean delete, final long time)
        {
            this.kind = kind;
            this.key = key;
            this.value = value;
            this.delete = delete;
            this.time = time;
        }
    }

    static List<Step> stream(final long seed, final int length)
    {
        final Random random = new Random(seed);
        final List<Step> steps = new ArrayList<>();
        long maxTimestamp = random.nextInt(100);
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < length; i++)
        {
            final int roll = random.nextInt(100);
            if (roll < 15)
            {
                final long candidate = maxTimestamp - random.nextInt(15);
                if (candidate > watermark)
                {
                    watermark = candidate;
                    steps.add(new Step('W', 0, 0, false, watermark));
                }
                continue;
            }
            final long timestamp;
            final int when = random.nextInt(100);
            if (when == 0)
            {
                timestamp = random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            else if (when < 10)
            {
                timestamp = maxTimestamp - random.nextInt(60);
            }
            else
            {
                timestamp = maxTimestamp + random.nextInt(14) - 7;
            }
            if (when != 0)
            {
                maxTimestamp = Math.max(maxTimestamp, timestamp);
            }
            final long key = random.nextInt(KEYS);
            if (roll < 60)
            {
                steps.add(new Step('L', key, i, false, timestamp));
            }
            else
            {
                steps.add(new Step('R', key, random.nextInt(1000), random.nextInt(100) < 15, timestamp));
            }
        }
        steps.add(new Step('W', 0, 0, false, Long.MAX_VALUE));
        return steps;
    }

    private static void run(final TwoInputOperatorTestHarness<Order, Rate, String> h, final List<Step> steps)
    {
        for (final Step step : steps)
        {
            switch (step.kind)
            {
                case 'L':
                    h.processLeft(new Order(step.key, step.value), step.time);
                    break;
                case 'R':
                    h.processRight(new Rate().set(step.key, step.value, step.delete), step.time);
                    break;
                default:
                    h.leftWatermark(step.time).rightWatermark(step.time);
                    break;
            }
        }
    }

    /** Everything observable, rendered; the state part only at the end. */
    private static List<String> observed(final TwoInputOperatorTestHarness<Order, Rate, String> h)
    {
        final List<String> seen = new ArrayList<>();
        seen.add(h.output().toString());
        seen.add(h.watermarks().toString());
        seen.add(TableJoins.rejections(h) + " wm " + h.rejected().stream().map(r -> r.watermark()).toList());
        return seen;
    }

    private static List<String> state(final TableJoinOperator<Order, Rate, String> operator)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(operator.counters().toString());
        lines.add("evicted " + operator.evictedVersions() + " pruned " + operator.prunedVersions() + " keys " +
            operator.tableKeys() + " held " + operator.heldRecords() + " watermark " + operator.watermark());
        for (int key = 0; key < KEYS; key++)
        {
            operator.describeKey(key, lines);
        }
        return lines;
    }

    private static void assertRestoreEquivalent(
        final Supplier<TableJoinOperator<Order, Rate, String>> factory, final List<Step> steps, final int cut)
    {
        final List<String> uncut;
        final List<String> uncutState;
        final TableJoinOperator<Order, Rate, String> whole = factory.get();
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(whole))
        {
            run(h, steps.subList(0, cut));
            final List<String> midState = state(whole);
            run(h, steps.subList(cut, steps.size()));
            uncut = observed(h);
            uncutState = state(whole);

            final byte[] snapshot = snapshotAfter(factory, steps.subList(0, cut), midState);
            final List<String> before = observedAfter(factory, steps.subList(0, cut));
            final TableJoinOperator<Order, Rate, String> restored = factory.get();
            try (TwoInputOperatorTestHarness<Order, Rate, String> r = TwoInputOperatorTestHarness.restore(restored, snapshot, TableJoins::copyRejected, s -> s))
            {
                assertThat(state(restored)).as("state right after restoring at step %d", cut).isEqualTo(midState);
                run(r, steps.subList(cut, steps.size()));
                final List<String> after = observed(r);
                for (int i = 0; i < uncut.size(); i++)
                {
                    assertThat(join(before.get(i), after.get(i))).as("cut at step %d of %d", cut, steps.size()).isEqualTo(uncut.get(i));
                }
                assertThat(state(restored)).isEqualTo(uncutState);
            }
        }
    }

    private static byte[] snapshotAfter(
        final Supplier<TableJoinOperator<Order, Rate, String>> factory, final List<Step> prefix, final List<String> expectedState)
    {
        final TableJoinOperator<Order, Rate, String> operator = factory.get();
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(operator))
        {
            run(h, prefix);
            assertThat(state(operator)).isEqualTo(expectedState);
            return h.snapshot();
        }
    }

    private static List<String> observedAfter(final Supplier<TableJoinOperator<Order, Rate, String>> factory, final List<Step> prefix)
    {
        try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(factory.get()))
        {
            run(h, prefix);
            return observed(h);
        }
    }

    /** "[a, b]" + "[c]" → "[a, b, c]"; the rejection line also carries a watermark list. */
    private static String join(final String first, final String second)
    {
        final int split1 = first.indexOf("] wm [");
        if (split1 >= 0)
        {
            final int split2 = second.indexOf("] wm [");
            return join(first.substring(0, split1 + 1), second.substring(0, split2 + 1)) + " wm " +
                join(first.substring(split1 + 5), second.substring(split2 + 5));
        }
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

    static Supplier<TableJoinOperator<Order, Rate, String>> configuration(final int which)
    {
        switch (which)
        {
            case 0:
                return () -> TableJoins.latest(MissPolicy.DROP_TO_SIDE_OUTPUT);
            case 1:
                return () -> TableJoins.builder().missPolicy(MissPolicy.EMIT_WITH_DEFAULTS).defaultValue(Rate.upsert(0, -1))
                    .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
            case 2:
                return () -> TableJoins.builder().missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK, MissPolicy.EMIT_WITH_DEFAULTS)
                    .streamCodec(Order.CODEC).build(Rate.DECODER, Rate.DESCRIBE, () -> "");
            case 3:
                return () -> TableJoins.temporal(2, 0, MissPolicy.DROP_TO_SIDE_OUTPUT);
            case 4:
                return () -> TableJoins.builder().temporal(3, 10).streamCodec(Order.CODEC).missPolicy(MissPolicy.EMIT_WITH_DEFAULTS)
                    .defaultValue(Rate.upsert(0, -1)).build(Rate.DECODER, Rate.DESCRIBE, () -> "");
            default:
                return () -> TableJoins.builder().temporal(32, 5).streamCodec(Order.CODEC)
                    .missPolicy(MissPolicy.HOLD_UNTIL_WATERMARK, MissPolicy.DROP_TO_SIDE_OUTPUT)
                    .build(Rate.DECODER, Rate.DESCRIBE, () -> "");
        }
    }

    @Property(tries = 120)
    void shouldRestoreExactlyAtARandomCut(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 5) final int configuration, @ForAll @IntRange(min = 0, max = 100) final int cutPercent)
    {
        final List<Step> steps = stream(seed, 300);
        assertRestoreEquivalent(configuration(configuration), steps, steps.size() * cutPercent / 100);
    }

    @Test
    void shouldRestoreExactlyAtEveryCutOfSeededStreams()
    {
        for (int configuration = 0; configuration < 6; configuration++)
        {
            for (long seed = 1; seed <= 3; seed++)
            {
                final List<Step> steps = stream(seed * 7919, 200);
                for (int cut = 0; cut <= steps.size(); cut += 4)
                {
                    assertRestoreEquivalent(configuration(configuration), steps, cut);
                }
            }
        }
    }

    @Test
    void shouldSurviveASnapshotAndRestoreEveryFewRecords()
    {
        for (int configuration = 0; configuration < 6; configuration++)
        {
            final Supplier<TableJoinOperator<Order, Rate, String>> factory = configuration(configuration);
            final List<Step> steps = stream(42 + configuration, 400);
            final List<String> uncut;
            final List<String> uncutState;
            final TableJoinOperator<Order, Rate, String> whole = factory.get();
            try (TwoInputOperatorTestHarness<Order, Rate, String> h = TableJoins.harness(whole))
            {
                run(h, steps);
                uncut = observed(h);
                uncutState = state(whole);
            }

            List<String> seen = List.of("[]", "[]", "[] wm []");
            byte[] snapshot = null;
            TableJoinOperator<Order, Rate, String> last = null;
            for (int from = 0; from < steps.size(); from += 7)
            {
                final TableJoinOperator<Order, Rate, String> operator = factory.get();
                try (TwoInputOperatorTestHarness<Order, Rate, String> h = null == snapshot ? TableJoins.harness(operator) :
                    TwoInputOperatorTestHarness.restore(operator, snapshot, TableJoins::copyRejected, s -> s))
                {
                    run(h, steps.subList(from, Math.min(from + 7, steps.size())));
                    final List<String> now = observed(h);
                    final List<String> joined = new ArrayList<>();
                    for (int i = 0; i < now.size(); i++)
                    {
                        joined.add(join(seen.get(i), now.get(i)));
                    }
                    seen = joined;
                    snapshot = h.snapshot();
                    if (from + 7 >= steps.size())
                    {
                        last = operator;
                        assertThat(state(last)).as("configuration %d", configuration).isEqualTo(uncutState);
                    }
                }
            }
            assertThat(seen).as("configuration %d", configuration).isEqualTo(uncut);
        }
    }
}
