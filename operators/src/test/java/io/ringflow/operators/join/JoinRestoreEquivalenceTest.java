package io.ringflow.operators.join;

import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.testing.RecordCopier;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import io.ringflow.operators.window.Windows;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of a join cut at a random point, snapshotted and restored into a fresh operator, produces exactly
 * the output of the uncut run: main output with timestamps, watermarks and rejections, in order. The
 * restored harness is given the cut-off prefix's watermarks and idleness again (no records, but each
 * record's reactivation of its side), since per-side watermarks belong to the caller, not to the operator.
 */
class JoinRestoreEquivalenceTest
{
    private static <O> void assertRestoreEquivalent(
        final Supplier<TwoInputOperator<Item, Item, O>> factory, final RecordCopier<O> copier, final long seed,
        final int cutPercent)
    {
        final List<JoinStream.Step> steps = JoinStream.generate(seed, 400, 4);
        final int cut = steps.size() * cutPercent / 100;

        final String uncut;
        try (TwoInputOperatorTestHarness<Item, Item, O> h = open(factory.get(), copier))
        {
            JoinStream.run(h, steps, true);
            uncut = render(h);
        }

        final byte[] snapshot;
        final String before;
        try (TwoInputOperatorTestHarness<Item, Item, O> h = open(factory.get(), copier))
        {
            JoinStream.run(h, steps.subList(0, cut), false);
            snapshot = h.snapshot();
            before = render(h);
        }
        try (TwoInputOperatorTestHarness<Item, Item, O> h = TwoInputOperatorTestHarness.restore(factory.get(), snapshot, copier))
        {
            for (final JoinStream.Step step : steps.subList(0, cut))
            {
                switch (step.kind())
                {
                    // a record makes its side active again: a watermark below the side's own does only that
                    case LEFT -> h.leftWatermark(Long.MIN_VALUE);
                    case RIGHT -> h.rightWatermark(Long.MIN_VALUE);
                    default -> JoinStream.apply(h, step);
                }
            }
            assertThat(h.output()).as("replaying the prefix's watermarks emits nothing").isEmpty();
            JoinStream.run(h, steps.subList(cut, steps.size()), true);
            assertThat(concat(before, render(h))).isEqualTo(uncut);
        }
    }

    private static <O> TwoInputOperatorTestHarness<Item, Item, O> open(
        final TwoInputOperator<Item, Item, O> operator, final RecordCopier<O> copier)
    {
        return TwoInputOperatorTestHarness.open(operator, r -> ((Item)r).copy(), copier);
    }

    private static String render(final TwoInputOperatorTestHarness<Item, Item, ?> h)
    {
        return h.output() + "\n" + h.watermarks().stream().filter(w -> w != Long.MIN_VALUE).toList() + "\n" + h.rejected();
    }

    /** Line-wise concatenation of two renderings' lists: "[a]\n[b]" + "[c]\n[]" → "[a, c]\n[b]". */
    private static String concat(final String first, final String second)
    {
        final String[] a = first.split("\n", -1);
        final String[] b = second.split("\n", -1);
        final StringBuilder joined = new StringBuilder();
        for (int i = 0; i < a.length; i++)
        {
            final String x = a[i];
            final String y = b[i];
            joined.append(i == 0 ? "" : "\n").append(x.equals("[]") ? y : y.equals("[]") ? x :
                x.substring(0, x.length() - 1) + ", " + y.substring(1));
        }
        return joined.toString();
    }

    @Property(tries = 80)
    void intervalJoinsRestoreExactly(
        @ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut,
        @ForAll @IntRange(min = -6, max = 3) final int lower)
    {
        assertRestoreEquivalent(() -> IntervalJoinOperatorTest.build(IntervalJoinOperatorTest.interval(lower, lower + 5)
            .expectedKeys(2).recordBlockBytes(64)), Pair::copy, seed, cut);
    }

    @Property(tries = 40)
    void tumblingWindowJoinsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowJoinOperatorTest.join(Windows.tumbling(10, 3), 6), Pair::copy, seed, cut);
    }

    @Property(tries = 40)
    void slidingWindowJoinsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowJoinOperatorTest.join(Windows.sliding(12, 4), 0), Pair::copy, seed, cut);
    }

    @Property(tries = 40)
    void sessionWindowCoGroupsRestoreExactly(@ForAll final long seed, @ForAll @IntRange(min = 0, max = 100) final int cut)
    {
        assertRestoreEquivalent(() -> WindowJoinOperatorTest.coGroup(Windows.session(4), 8), s -> s, seed, cut);
    }
}
