package io.ringflow.operators.cep;

import io.ringflow.operators.Rejected;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.OperatorTestHarness;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated streams against the documented semantics ({@link PatternReference}), and the determinism the
 * operator promises: arrival order within the watermark bound, watermark cadence and the other keys do not
 * change a result; late records change nothing and are all rejected.
 */
class PatternPropertyTest
{
    @Property(tries = 300)
    void shouldEmitExactlyWhatTheSemanticsDefine(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 6) final int shape,
        @ForAll @IntRange(min = 0, max = 12) final int within,
        @ForAll final boolean skip,
        @ForAll @IntRange(min = 1, max = 4) final int keys,
        @ForAll @IntRange(min = 0, max = 6) final int bound)
    {
        final List<Streams.Step> steps = Streams.generate(seed, keys, 150, bound, 0);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
        {
            Streams.run(h, steps);
            assertThat(h.rejected()).isEmpty();
            assertThat(Cep.results(h))
                .isEqualTo(PatternReference.expected(Streams.SHAPES[shape], within, skip, Streams.accepted(steps)));
            assertNoResultIsLateDownstream(h);
            final PatternOperator<Txn> operator = (PatternOperator<Txn>)h.operator();
            assertThat(operator.partialMatches()).isZero();
            assertThat(operator.bufferedRecords()).isZero();
        }
    }

    @Property(tries = 200)
    void shouldGiveTheInOrderResultsForAnyArrivalOrderWithinTheBound(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 6) final int shape,
        @ForAll @IntRange(min = 0, max = 12) final int within,
        @ForAll final boolean skip,
        @ForAll @IntRange(min = 1, max = 6) final int bound)
    {
        final List<Streams.Step> outOfOrder = Streams.generate(seed, 3, 150, bound, 0);
        final List<Emitted<PatternMatch>> expected;
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
        {
            Streams.run(h, Streams.inOrder(outOfOrder));
            expected = h.output();
        }
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
        {
            Streams.run(h, outOfOrder);
            assertThat(h.output()).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void shouldMatchEachKeyAsIfItWereAlone(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 6) final int shape,
        @ForAll @IntRange(min = 0, max = 12) final int within,
        @ForAll final boolean skip)
    {
        final int keys = 5;
        final List<Streams.Step> steps = Streams.generate(seed, keys, 200, 4, 0);
        final List<Emitted<PatternMatch>> together;
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
        {
            Streams.run(h, steps);
            together = h.output();
        }
        for (long key = 0; key < keys; key++)
        {
            try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
            {
                Streams.run(h, Streams.ofKey(steps, key));
                final List<Emitted<PatternMatch>> ofKey = new ArrayList<>();
                for (final Emitted<PatternMatch> emitted : together)
                {
                    if (emitted.record().key() == key)
                    {
                        ofKey.add(emitted);
                    }
                }
                assertThat(h.output()).isEqualTo(ofKey);
            }
        }
    }

    @Property(tries = 200)
    void shouldRejectLateRecordsAndIgnoreThemForMatching(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 6) final int shape,
        @ForAll @IntRange(min = 0, max = 12) final int within,
        @ForAll final boolean skip)
    {
        final List<Streams.Step> steps = Streams.generate(seed, 3, 150, 3, 8);
        final List<Streams.Step> accepted = Streams.accepted(steps);
        try (OperatorTestHarness<Txn, PatternMatch> h = harness(shape, within, skip))
        {
            Streams.run(h, steps);
            assertThat(Cep.results(h)).isEqualTo(PatternReference.expected(Streams.SHAPES[shape], within, skip, accepted));
            final List<Long> lateIds = new ArrayList<>();
            for (final Streams.Step step : steps)
            {
                if (!step.watermark() && !accepted.contains(step))
                {
                    lateIds.add(step.id());
                }
            }
            assertThat(h.rejected()).extracting(Rejected::reason).containsOnly(RejectReason.LATE);
            assertThat(h.rejected()).extracting(r -> r.record().id()).isEqualTo(lateIds);
            assertThat(((PatternOperator<Txn>)h.operator()).lateRecords()).isEqualTo(lateIds.size());
        }
    }

    static OperatorTestHarness<Txn, PatternMatch> harness(final int shape, final long within, final boolean skip)
    {
        // Two expected keys: the off-heap stores grow during the run.
        return OperatorTestHarness.open(Cep.operator(Streams.pattern(Streams.SHAPES[shape], within, skip), 2), PatternMatch::copy);
    }

    /** Every result's timestamp is above the watermark the operator had forwarded before it. */
    private static void assertNoResultIsLateDownstream(final OperatorTestHarness<Txn, PatternMatch> h)
    {
        final List<Emitted<PatternMatch>> output = h.output();
        final List<Long> watermarks = h.watermarks();
        // Results come out during processWatermark, before the new watermark, so at most it.
        int w = 0;
        for (final Emitted<PatternMatch> emitted : output)
        {
            while (w < watermarks.size() && watermarks.get(w) < emitted.timestamp())
            {
                w++;
            }
            assertThat(w).as("a watermark at or above %s follows it", emitted).isLessThan(watermarks.size());
            if (w > 0)
            {
                assertThat(emitted.timestamp()).isGreaterThan(watermarks.get(w - 1));
            }
        }
    }
}
