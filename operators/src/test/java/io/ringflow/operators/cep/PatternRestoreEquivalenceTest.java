package io.ringflow.operators.cep;

import io.ringflow.operators.testing.OperatorTestHarness;
import io.ringflow.operators.testing.RecordCopier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run cut at any point, snapshotted and restored into a fresh operator, produces exactly the output of the
 * uncut run: results, their timestamps, watermarks and rejections, in order. Streams hold buffered records,
 * partial matches at every stage, pending deadlines and late records at the cut.
 */
class PatternRestoreEquivalenceTest
{
    @Property(tries = 300)
    void shouldContinueFromASnapshotAsIfUninterrupted(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 6) final int shape,
        @ForAll @IntRange(min = 0, max = 12) final int within,
        @ForAll final boolean skip,
        @ForAll @IntRange(min = 0, max = 100) final int cutPercent)
    {
        final List<Streams.Step> steps = Streams.generate(seed, 4, 150, 4, 10);
        final List<String> uncut = run(shape, within, skip, steps);
        assertThat(cutAndRestore(shape, within, skip, steps, steps.size() * cutPercent / 100)).isEqualTo(uncut);
    }

    @Test
    void shouldContinueFromASnapshotTakenAtEveryStepOfOneStream()
    {
        for (int shape = 0; shape < Streams.SHAPES.length; shape++)
        {
            final List<Streams.Step> steps = Streams.generate(42 + shape, 3, 80, 4, 10);
            final List<String> uncut = run(shape, 6, shape % 2 == 0, steps);
            assertThat(uncut.get(0)).as("the stream produces results").isNotEqualTo("[]");
            for (int cut = 0; cut <= steps.size(); cut++)
            {
                assertThat(cutAndRestore(shape, 6, shape % 2 == 0, steps, cut)).as("cut at step %d", cut).isEqualTo(uncut);
            }
        }
    }

    private static List<String> run(final int shape, final long within, final boolean skip, final List<Streams.Step> steps)
    {
        try (OperatorTestHarness<Txn, PatternMatch> h = PatternPropertyTest.harness(shape, within, skip))
        {
            Streams.run(h, steps);
            return List.of(h.output().toString(), h.watermarks().toString(), h.rejected().toString());
        }
    }

    private static List<String> cutAndRestore(
        final int shape, final long within, final boolean skip, final List<Streams.Step> steps, final int cut)
    {
        final byte[] snapshot;
        final List<String> before = new ArrayList<>();
        try (OperatorTestHarness<Txn, PatternMatch> h = PatternPropertyTest.harness(shape, within, skip))
        {
            Streams.run(h, steps.subList(0, cut));
            snapshot = h.snapshot();
            before.add(h.output().toString());
            before.add(h.watermarks().toString());
            before.add(h.rejected().toString());
        }
        final PatternOperator<Txn> fresh = Cep.operator(Streams.pattern(Streams.SHAPES[shape], within, skip), 2);
        try (OperatorTestHarness<Txn, PatternMatch> h =
            OperatorTestHarness.restore(fresh, snapshot, RecordCopier.identity(), PatternMatch::copy))
        {
            Streams.run(h, steps.subList(cut, steps.size()));
            return List.of(join(before.get(0), h.output().toString()), join(before.get(1), h.watermarks().toString()),
                join(before.get(2), h.rejected().toString()));
        }
    }

    /** Concatenate two list renderings "[a, b]" + "[c]" into "[a, b, c]". */
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
}
