package io.ringflow.operators.join;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.testing.Emitted;
import io.ringflow.operators.testing.TwoInputOperatorTestHarness;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interval join against a model that keeps every record forever: on random two-sided streams (per-side
 * watermarks, idleness, late records) the operator emits exactly the model's pairs, in the model's order
 * (each record's partners in their arrival order), rejects exactly the records below the watermark, and
 * after every step holds exactly the records a later record could still join, no more and no fewer.
 */
class IntervalJoinModelTest
{
    private record Accepted(boolean left, long key, long id, long timestamp)
    {
    }

    @Property(tries = 300)
    void shouldEmitThePairsOfAJoinThatForgetsNothingAndHoldOnlyWhatCanStillJoin(
        @ForAll final long seed,
        @ForAll @IntRange(min = -8, max = 8) final int lower,
        @ForAll @IntRange(min = 0, max = 10) final int width,
        @ForAll final boolean lowerExclusive,
        @ForAll final boolean upperExclusive)
    {
        final long effectiveLower = lowerExclusive ? lower + 1 : lower;
        final long effectiveUpper = upperExclusive ? lower + width - 1 : lower + width;
        Assume.that(effectiveLower <= effectiveUpper);
        IntervalJoinBuilder<Item, Item> builder = IntervalJoinOperatorTest.interval(lower, lower + width).expectedKeys(2)
            .recordBlockBytes(64);
        builder = lowerExclusive ? builder.lowerBoundExclusive() : builder;
        builder = upperExclusive ? builder.upperBoundExclusive() : builder;
        final IntervalJoinOperator<Item, Item, Pair> join = IntervalJoinOperatorTest.build(builder);

        final List<Accepted> accepted = new ArrayList<>();
        final List<Emitted<Pair>> expected = new ArrayList<>();
        final List<String> expectedRejections = new ArrayList<>();
        try (TwoInputOperatorTestHarness<Item, Item, Pair> h = IntervalJoinOperatorTest.harness(join))
        {
            final List<JoinStream.Step> steps = new ArrayList<>(JoinStream.generate(seed, 300, 3));
            steps.add(new JoinStream.Step(JoinStream.Kind.LEFT_WATERMARK, 0, 0, Timestamps.END_OF_STREAM));
            steps.add(new JoinStream.Step(JoinStream.Kind.RIGHT_WATERMARK, 0, 0, Timestamps.END_OF_STREAM));
            for (final JoinStream.Step step : steps)
            {
                final boolean left = step.kind() == JoinStream.Kind.LEFT;
                if (left || step.kind() == JoinStream.Kind.RIGHT)
                {
                    if (step.time() < h.currentWatermark())
                    {
                        expectedRejections.add(step.id() + "@" + step.time());
                    }
                    else
                    {
                        for (final Accepted other : accepted)
                        {
                            if (other.left != left && other.key == step.key())
                            {
                                final long difference = left ? other.timestamp - step.time() : step.time() - other.timestamp;
                                if (difference >= effectiveLower && difference <= effectiveUpper)
                                {
                                    expected.add(new Emitted<>(left ? new Pair(step.id(), other.id) : new Pair(other.id, step.id()),
                                        Math.max(step.time(), other.timestamp)));
                                }
                            }
                        }
                        accepted.add(new Accepted(left, step.key(), step.id(), step.time()));
                    }
                }
                JoinStream.apply(h, step);
                assertThat(join.bufferedRecords()).as("records held after %s", step)
                    .isEqualTo(joinable(accepted, h.currentWatermark(), effectiveLower, effectiveUpper));
            }
            assertThat(h.output()).isEqualTo(expected);
            assertThat(h.rejected()).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RejectReason.LATE))
                .extracting(r -> ((Item)r.record()).id + "@" + r.timestamp()).isEqualTo(expectedRejections);
            assertThat(join.bufferedKeys()).isZero();
            assertThat(join.lateRecords()).isEqualTo(expectedRejections.size());
            assertThat(h.rejected()).allSatisfy(r -> assertThat(r.operatorName()).isEqualTo("j"));
        }
    }

    /** Records a record arriving from now on (timestamp at or above the watermark) could still join. */
    private static long joinable(final List<Accepted> accepted, final long watermark, final long lower, final long upper)
    {
        if (watermark == Timestamps.END_OF_STREAM)
        {
            return 0;
        }
        return accepted.stream().filter(a -> (a.left ? a.timestamp + upper : a.timestamp - lower) >= watermark).count();
    }
}
