package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.Snapshots;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkStrategyTest
{
    private static final long MIN = Long.MIN_VALUE;

    @Test
    void shouldRejectNegativeBoundNamingTheValue()
    {
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(-5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("maxOutOfOrdernessTicks")
            .hasMessageContaining("-5");
    }

    @Test
    void shouldRejectIdleTimeoutThatIsNotPositive()
    {
        final WatermarkStrategy<Long> strategy = WatermarkStrategy.forMonotonousTimestamps();
        assertThatThrownBy(() -> strategy.withIdleness(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("idleTimeoutTicks must be > 0, was 0");
        assertThatThrownBy(() -> strategy.withIdleness(-3))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-3");
    }

    @Test
    void shouldRejectNullFunctions()
    {
        assertThatNullPointerException().isThrownBy(() -> WatermarkStrategy.forPunctuated(null));
        assertThatNullPointerException()
            .isThrownBy(() -> WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner(null));
    }

    @Test
    void shouldReturnNewStrategiesAndLeaveTheOriginalUnchanged()
    {
        final WatermarkStrategy<Long> base = WatermarkStrategy.forBoundedOutOfOrderness(7);
        final TimestampAssigner<Long> assigner = Long::longValue;
        final WatermarkStrategy<Long> configured = base.withTimestampAssigner(assigner).withIdleness(30);

        assertThat(base.idleTimeoutTicks()).isEqualTo(WatermarkStrategy.NO_IDLE_TIMEOUT);
        assertThat(base.timestampAssigner()).isNull();
        assertThat(configured.idleTimeoutTicks()).isEqualTo(30);
        assertThat(configured.timestampAssigner()).isSameAs(assigner);
        assertThat(configured.maxOutOfOrdernessTicks()).isEqualTo(7);
        assertThat(WatermarkStrategy.forMonotonousTimestamps().maxOutOfOrdernessTicks()).isZero();
        assertThat(WatermarkStrategy.forPunctuated((r, ts) -> ts).maxOutOfOrdernessTicks())
            .isEqualTo(WatermarkStrategy.NO_BOUND);
    }

    @Test
    void shouldStartEveryGeneratorAtMinWatermark()
    {
        assertThat(WatermarkStrategy.forBoundedOutOfOrderness(3).createGenerator().currentWatermark())
            .isEqualTo(Timestamps.MIN_WATERMARK);
        assertThat(WatermarkStrategy.forPunctuated((r, ts) -> ts).createGenerator().currentWatermark())
            .isEqualTo(Timestamps.MIN_WATERMARK);
    }

    @Test
    void shouldComputeBoundedWatermarkAsMaxTimestampMinusBoundMinusOne()
    {
        final WatermarkGenerator<Object> generator = WatermarkStrategy.forBoundedOutOfOrderness(10).createGenerator();

        assertThat(generator.onEvent("a", 100)).isEqualTo(89);
        assertThat(generator.onEvent("b", 105)).isEqualTo(94);
        assertThat(generator.onEvent("late", 50)).as("a late record does not lower it").isEqualTo(94);
        assertThat(generator.onEvent("equal", 105)).isEqualTo(94);
        assertThat(generator.onEvent("c", 200)).isEqualTo(189);
        assertThat(generator.currentWatermark()).isEqualTo(189);
    }

    @Test
    void shouldTreatMonotonousTimestampsAsBoundZero()
    {
        final WatermarkGenerator<Object> generator = WatermarkStrategy.forMonotonousTimestamps().createGenerator();

        assertThat(generator.onEvent("a", 100)).isEqualTo(99);
        assertThat(generator.onEvent("same", 100)).isEqualTo(99);
        assertThat(generator.onEvent("b", 101)).isEqualTo(100);
        assertThat(generator.onEvent("negative", -7)).isEqualTo(100);
    }

    @Test
    void shouldClampWatermarkNearLongMinValueInsteadOfWrapping()
    {
        final WatermarkGenerator<Object> bound10 = WatermarkStrategy.forBoundedOutOfOrderness(10).createGenerator();
        assertThat(bound10.onEvent("x", MIN + 1)).isEqualTo(MIN);
        assertThat(bound10.onEvent("x", MIN + 11)).isEqualTo(MIN);
        assertThat(bound10.onEvent("x", MIN + 12)).isEqualTo(MIN + 1);

        final WatermarkGenerator<Object> bound0 = WatermarkStrategy.forMonotonousTimestamps().createGenerator();
        assertThat(bound0.onEvent("x", MIN + 1)).isEqualTo(MIN);

        final WatermarkGenerator<Object> hugeBound =
            WatermarkStrategy.forBoundedOutOfOrderness(Long.MAX_VALUE).createGenerator();
        assertThat(hugeBound.onEvent("x", -5)).isEqualTo(MIN);
        assertThat(hugeBound.onEvent("x", 0)).isEqualTo(MIN);
        assertThat(hugeBound.onEvent("x", Long.MAX_VALUE - 1)).isEqualTo(-2);
    }

    @Property(tries = 200)
    void shouldMatchExactArithmeticForAnyTimestampsAndBound(
        @ForAll("bounds") final long bound, @ForAll("timestampLists") final List<Long> timestamps)
    {
        final WatermarkGenerator<Object> generator =
            WatermarkStrategy.forBoundedOutOfOrderness(bound).createGenerator();
        long max = MIN;
        for (final long timestamp : timestamps)
        {
            max = Math.max(max, timestamp);
            final BigInteger exact =
                BigInteger.valueOf(max).subtract(BigInteger.valueOf(bound)).subtract(BigInteger.ONE);
            final long expected = exact.max(BigInteger.valueOf(MIN)).longValueExact();

            assertThat(generator.onEvent("r", timestamp)).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<Long> bounds()
    {
        return Arbitraries.oneOf(
            Arbitraries.longs().between(0, 100),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.of(0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<List<Long>> timestampLists()
    {
        final Arbitrary<Long> timestamp = Arbitraries.oneOf(
            Arbitraries.longs().between(-1_000, 1_000),
            Arbitraries.longs().between(MIN + 1, MIN + 1_000),
            Arbitraries.longs().between(MIN + 1, Long.MAX_VALUE - 1));
        return timestamp.list().ofMinSize(1).ofMaxSize(20);
    }

    @Test
    void shouldAskPunctuatedFunctionPerRecordAndNeverGoBackwards()
    {
        final List<Long> seen = new ArrayList<>();
        final WatermarkGenerator<String> generator = WatermarkStrategy.<String>forPunctuated((record, ts) ->
        {
            seen.add(ts);
            return record.startsWith("mark") ? ts : PunctuatedWatermarks.NO_WATERMARK;
        }).createGenerator();

        assertThat(generator.onEvent("data", 10)).isEqualTo(Timestamps.MIN_WATERMARK);
        assertThat(generator.onEvent("mark", 50)).isEqualTo(50);
        assertThat(generator.onEvent("data", 70)).as("no watermark keeps the last one").isEqualTo(50);
        assertThat(generator.onEvent("mark-old", 30)).as("a lower watermark is ignored").isEqualTo(50);
        assertThat(generator.onEvent("mark", 80)).isEqualTo(80);
        assertThat(seen).containsExactly(10L, 50L, 70L, 30L, 80L);
    }

    @Test
    void shouldLeavePunctuatedStateUnchangedWhenTheFunctionThrows()
    {
        final WatermarkGenerator<String> generator = WatermarkStrategy.<String>forPunctuated((record, ts) ->
        {
            if (record.equals("boom"))
            {
                throw new IllegalStateException("user failure");
            }
            return ts;
        }).createGenerator();
        generator.onEvent("ok", 40);

        assertThatThrownBy(() -> generator.onEvent("boom", 90)).hasMessage("user failure");
        assertThat(generator.currentWatermark()).isEqualTo(40);
    }

    @Test
    void shouldRestoreGeneratorStateIntoFreshGenerator()
    {
        final WatermarkStrategy<Object> strategy = WatermarkStrategy.forBoundedOutOfOrderness(5);
        final WatermarkGenerator<Object> original = strategy.createGenerator();
        original.onEvent("a", 100);
        original.onEvent("b", 90);

        final WatermarkGenerator<Object> restored = strategy.createGenerator();
        Snapshots.restore(restored, Snapshots.toBytes(original), "test");

        assertThat(restored.currentWatermark()).isEqualTo(94);
        assertThat(restored.onEvent("c", 98)).isEqualTo(original.onEvent("c", 98)).isEqualTo(94);
        assertThat(restored.onEvent("d", 120)).isEqualTo(original.onEvent("d", 120)).isEqualTo(114);
    }
}
