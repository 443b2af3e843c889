package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkCombinerTest
{
    private static final long MIN = Timestamps.MIN_WATERMARK;

    @Test
    void shouldStartAtMinWatermarkWithAllInputsActive()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(3);

        assertThat(combiner.combinedWatermark()).isEqualTo(MIN);
        assertThat(combiner.allIdle()).isFalse();
        assertThat(combiner.inputCount()).isEqualTo(3);
        assertThat(combiner.isIdle(2)).isFalse();
    }

    @Test
    void shouldCombineAsTheMinimumOverInputs()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(3);

        assertThat(combiner.onWatermark(0, 10)).as("inputs 1 and 2 are still at MIN").isEqualTo(MIN);
        assertThat(combiner.onWatermark(1, 20)).isEqualTo(MIN);
        assertThat(combiner.onWatermark(2, 5)).isEqualTo(5);
        assertThat(combiner.onWatermark(2, 30)).isEqualTo(10);
        assertThat(combiner.onWatermark(0, 25)).isEqualTo(20);
        assertThat(combiner.combinedWatermark()).isEqualTo(20);
    }

    @Test
    void shouldIgnoreAnInputWatermarkThatGoesBackwards()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.onWatermark(0, 50);
        combiner.onWatermark(1, 40);

        assertThat(combiner.onWatermark(0, 10)).isEqualTo(40);
        assertThat(combiner.inputWatermark(0)).isEqualTo(50);
    }

    @Test
    void shouldExcludeIdleInputsFromTheMinimum()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.onWatermark(0, 100);
        assertThat(combiner.onWatermark(1, 10)).isEqualTo(10);

        assertThat(combiner.markIdle(1)).isEqualTo(100);
        assertThat(combiner.isIdle(1)).isTrue();
        assertThat(combiner.allIdle()).isFalse();
        assertThat(combiner.onWatermark(0, 150)).isEqualTo(150);
    }

    @Test
    void shouldFlushToTheHighestInputWatermarkWhenTheLastInputGoesIdleWhateverTheOrder()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.onWatermark(0, 10);
        combiner.onWatermark(1, 20);

        assertThat(combiner.markIdle(1)).as("input 0 still holds it at 10").isEqualTo(10);
        assertThat(combiner.markIdle(0)).as("no input can advance any more: flush to the highest").isEqualTo(20);
        assertThat(combiner.allIdle()).isTrue();
        assertThat(combiner.markIdle(0)).as("marking idle twice changes nothing").isEqualTo(20);

        final WatermarkCombiner otherOrder = new WatermarkCombiner(2);
        otherOrder.onWatermark(0, 10);
        otherOrder.onWatermark(1, 20);
        assertThat(otherOrder.markIdle(0)).isEqualTo(20);
        assertThat(otherOrder.markIdle(1)).isEqualTo(20);
    }

    @Test
    void shouldMakeAnIdleInputActiveOnItsNextWatermark()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.markIdle(0);
        combiner.markIdle(1);

        assertThat(combiner.onWatermark(1, 30)).isEqualTo(30);
        assertThat(combiner.isIdle(1)).isFalse();
        assertThat(combiner.allIdle()).isFalse();
    }

    @Test
    void shouldNotRegressWhenAnInputReturnsFromIdleWithALowerWatermark()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.onWatermark(0, 100);
        assertThat(combiner.onWatermark(1, 50)).isEqualTo(50);
        assertThat(combiner.markIdle(1)).isEqualTo(100);

        assertThat(combiner.onWatermark(1, 60)).as("no pull back").isEqualTo(100);
        assertThat(combiner.onWatermark(0, 200)).as("a lagging returner does not stall the others").isEqualTo(200);
        assertThat(combiner.onWatermark(1, 150)).isEqualTo(200);
        assertThat(combiner.onWatermark(1, 250)).as("caught up: it counts again").isEqualTo(200);
        assertThat(combiner.onWatermark(0, 300)).isEqualTo(250);
    }

    @Test
    void shouldMakeAnInputActiveOnRecordArrival()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);
        combiner.onWatermark(0, 10);
        combiner.onWatermark(1, 20);
        combiner.markIdle(1);

        combiner.markActive(1);

        assertThat(combiner.isIdle(1)).isFalse();
        assertThat(combiner.onWatermark(0, 50)).as("input 1 at 20 holds it back again").isEqualTo(20);
        combiner.markIdle(0);
        combiner.markActive(0);
        assertThat(combiner.onWatermark(1, 40)).as("input 0 at 50 is ahead").isEqualTo(40);
    }

    @Test
    void shouldReportInvalidInputsAndCounts()
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(2);

        assertThatThrownBy(() -> combiner.onWatermark(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> combiner.markIdle(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new WatermarkCombiner(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("0");
    }

    @Test
    void shouldContinueIdenticallyAfterSnapshotAndRestore()
    {
        final WatermarkCombiner original = new WatermarkCombiner(3);
        original.onWatermark(0, 100);
        original.onWatermark(1, 40);
        original.onWatermark(2, 70);
        original.markIdle(1);
        original.onWatermark(1, 50);

        final SnapshotWriter out = new SnapshotWriter();
        original.snapshot(out);
        final WatermarkCombiner restored = new WatermarkCombiner(3);
        restored.restore(new SnapshotReader(out.toByteArray(), "test"));

        assertThat(restored.combinedWatermark()).isEqualTo(original.combinedWatermark()).isEqualTo(70);
        for (final WatermarkCombiner combiner : List.of(original, restored))
        {
            assertThat(combiner.onWatermark(2, 120)).isEqualTo(100);
            assertThat(combiner.onWatermark(1, 90)).as("input 1 was left unaligned").isEqualTo(100);
            assertThat(combiner.markIdle(0)).isEqualTo(120);
        }
    }

    @Test
    void shouldRefuseASnapshotOfAnotherInputCount()
    {
        final SnapshotWriter out = new SnapshotWriter();
        new WatermarkCombiner(2).snapshot(out);

        assertThatThrownBy(() -> new WatermarkCombiner(3).restore(new SnapshotReader(out.toByteArray(), "stage 2")))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("stage 2")
            .hasMessageContaining("2 inputs");
    }

    @Property(tries = 200)
    void shouldEqualTheMinimumOfAllInputsWhenNoneIsEverIdle(@ForAll("updates") final List<long[]> updates)
    {
        final int inputs = 3;
        final WatermarkCombiner combiner = new WatermarkCombiner(inputs);
        final long[] highest = new long[inputs];
        Arrays.fill(highest, MIN);
        for (final long[] update : updates)
        {
            final int input = (int)update[0];
            highest[input] = Math.max(highest[input], update[1]);

            assertThat(combiner.onWatermark(input, update[1])).isEqualTo(Arrays.stream(highest).min().orElseThrow());
        }
    }

    @Property(tries = 200)
    void shouldNeverGoBackwardsNorExceedTheHighestInput(@ForAll("steps") final List<long[]> steps)
    {
        final WatermarkCombiner combiner = new WatermarkCombiner(3);
        long previous = MIN;
        long highest = MIN;
        for (final long[] step : steps)
        {
            final int input = (int)step[0];
            final long combined;
            if (step[1] == 0)
            {
                combined = combiner.markIdle(input);
            }
            else if (step[1] == 1)
            {
                combiner.markActive(input);
                combined = combiner.combinedWatermark();
            }
            else
            {
                highest = Math.max(highest, step[2]);
                combined = combiner.onWatermark(input, step[2]);
            }
            assertThat(combined).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(highest);
            previous = combined;
        }
    }

    @Provide
    Arbitrary<List<long[]>> updates()
    {
        return Arbitraries.longs().between(0, 2)
            .flatMap(input -> Arbitraries.longs().between(-100, 100).map(wm -> new long[]{input, wm}))
            .list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<long[]>> steps()
    {
        return Arbitraries.longs().between(0, 2)
            .flatMap(input -> Arbitraries.longs().between(0, 4)
                .flatMap(kind -> Arbitraries.longs().between(-100, 100).map(wm -> new long[]{input, kind, wm})))
            .list().ofMaxSize(40);
    }
}
