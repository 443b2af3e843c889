package io.ringflow.operators.aggregate;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregatesTest
{
    private static final class Slots implements ResultSlots
    {
        final long[] values = new long[8];

        @Override
        public void setLong(final int slot, final long value)
        {
            values[slot] = value;
        }

        @Override
        public void setDouble(final int slot, final double value)
        {
            values[slot] = Double.doubleToRawLongBits(value);
        }

        double doubleAt(final int slot)
        {
            return Double.longBitsToDouble(values[slot]);
        }
    }

    private final AggregateFunction<long[]> all = Aggregates.of(
        Aggregates.count(), Aggregates.sum(r -> r[0]), Aggregates.min(r -> r[0]), Aggregates.max(r -> r[0]),
        Aggregates.average(r -> r[0]), Aggregates.first(r -> r[0]), Aggregates.last(r -> r[0]),
        Aggregates.sumDouble(r -> r[0] / 2.0));

    private Slots aggregate(final long[][] valuesAndTimestamps)
    {
        final UnsafeBuffer acc = new UnsafeBuffer(new byte[all.accumulatorBytes()]);
        acc.setMemory(0, acc.capacity(), (byte)0x5A);   // reset must not rely on zeroed memory
        all.reset(acc, 0);
        for (final long[] vt : valuesAndTimestamps)
        {
            all.add(new long[] {vt[0]}, vt[1], acc, 0);
        }
        final Slots slots = new Slots();
        all.result(acc, 0, slots, 0);
        return slots;
    }

    @Test
    void shouldComputeEveryBuiltInOverOneInput()
    {
        final Slots s = aggregate(new long[][] {{5, 20}, {-3, 10}, {8, 30}, {1, 10}});
        assertThat(all.resultSlots()).isEqualTo(8);
        assertThat(s.values[0]).isEqualTo(4);
        assertThat(s.values[1]).isEqualTo(11);
        assertThat(s.values[2]).isEqualTo(-3);
        assertThat(s.values[3]).isEqualTo(8);
        assertThat(s.doubleAt(4)).isEqualTo(2.75);
        assertThat(s.values[5]).as("first by event time; tie at 10 keeps the earliest arrival").isEqualTo(-3);
        assertThat(s.values[6]).as("last by event time").isEqualTo(8);
        assertThat(s.doubleAt(7)).isEqualTo(5.5);
    }

    @Test
    void shouldKeepTheLatestArrivalForLastOnATimestampTie()
    {
        final Slots s = aggregate(new long[][] {{1, 50}, {2, 50}});
        assertThat(s.values[5]).isEqualTo(1);
        assertThat(s.values[6]).isEqualTo(2);
    }

    @Test
    void shouldMergeLikeOneAccumulatorOverBothInputs()
    {
        final UnsafeBuffer a = new UnsafeBuffer(new byte[all.accumulatorBytes()]);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[all.accumulatorBytes()]);
        all.reset(a, 0);
        all.reset(b, 0);
        all.add(new long[] {5}, 20, a, 0);
        all.add(new long[] {-3}, 10, a, 0);
        all.add(new long[] {8}, 30, b, 0);
        all.add(new long[] {1}, 10, b, 0);
        all.merge(a, 0, b, 0);
        final Slots merged = new Slots();
        all.result(a, 0, merged, 0);

        final Slots direct = aggregate(new long[][] {{5, 20}, {-3, 10}, {8, 30}, {1, 10}});
        assertThat(merged.values).containsExactly(direct.values);
    }

    @Test
    void shouldThrowOnLongSumOverflowInsteadOfWrapping()
    {
        final AggregateFunction<long[]> sum = Aggregates.sum(r -> r[0]);
        final UnsafeBuffer acc = new UnsafeBuffer(new byte[8]);
        sum.reset(acc, 0);
        sum.add(new long[] {Long.MAX_VALUE}, 0, acc, 0);
        assertThatThrownBy(() -> sum.add(new long[] {1}, 0, acc, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldReportAverageOfNothingAsNaN()
    {
        final AggregateFunction<long[]> avg = Aggregates.average(r -> r[0]);
        final UnsafeBuffer acc = new UnsafeBuffer(new byte[16]);
        avg.reset(acc, 0);
        final Slots slots = new Slots();
        avg.result(acc, 0, slots, 0);
        assertThat(slots.doubleAt(0)).isNaN();
    }
}
