package io.ringflow.operators.time;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.time.RecordingOutput.Emitted;
import io.ringflow.operators.time.RecordingOutput.Event;
import io.ringflow.operators.time.RecordingOutput.Side;
import io.ringflow.operators.time.RecordingOutput.Watermark;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random streams of records (valid and reserved timestamps), processing-time ticks and upstream
 * watermarks and idleness, under random strategies.
 */
class TimestampsAndWatermarksPropertyTest
{
    record Trade(int seq, long eventTime)
    {
    }

    interface Action
    {
    }

    record Arrive(long eventTime) implements Action
    {
    }

    record Tick(long nowTicks) implements Action
    {
    }

    record UpstreamWatermark(long watermark) implements Action
    {
    }

    record UpstreamIdle() implements Action
    {
    }

    @Property(tries = 200)
    void shouldContinueIdenticallyWhenSnapshotAndRestoredAtAnyPoint(
        @ForAll("strategies") final WatermarkStrategy<Trade> strategy,
        @ForAll("actions") final List<Action> actions,
        @ForAll @IntRange(max = 1_000) final int cutSeed)
    {
        final int cut = cutSeed % (actions.size() + 1);

        final RecordingOutput<Trade> uncutOutput = new RecordingOutput<>();
        final TimestampsAndWatermarksOperator<Trade> uncut = open(strategy, uncutOutput);
        run(uncut, actions, 0, actions.size());

        final RecordingOutput<Trade> beforeOutput = new RecordingOutput<>();
        final TimestampsAndWatermarksOperator<Trade> before = open(strategy, beforeOutput);
        run(before, actions, 0, cut);
        final byte[] snapshot = Snapshots.toBytes(before);

        final RecordingOutput<Trade> afterOutput = new RecordingOutput<>();
        final TimestampsAndWatermarksOperator<Trade> after = open(strategy, afterOutput);
        Snapshots.restore(after, snapshot, "cut at " + cut);
        run(after, actions, cut, actions.size());

        final List<Event> joined = new ArrayList<>(beforeOutput.events);
        joined.addAll(afterOutput.events);
        assertThat(joined).isEqualTo(uncutOutput.events);
        assertThat(Snapshots.toBytes(after)).isEqualTo(Snapshots.toBytes(uncut));
        assertThat(after.recordsEmitted()).isEqualTo(uncut.recordsEmitted());
        assertThat(after.recordsRejected()).isEqualTo(uncut.recordsRejected());
        assertThat(after.idleDeclarations()).isEqualTo(uncut.idleDeclarations());
    }

    @Property(tries = 200)
    void shouldEmitEveryValidRecordRejectEveryReservedOneAndFollowTheBoundedFormula(
        @ForAll("bounds") final long bound, @ForAll("actions") final List<Action> actions)
    {
        final RecordingOutput<Trade> output = new RecordingOutput<>();
        final TimestampsAndWatermarksOperator<Trade> operator = open(
            WatermarkStrategy.<Trade>forBoundedOutOfOrderness(bound).withTimestampAssigner(Trade::eventTime), output);

        long maxTimestamp = Long.MIN_VALUE;
        long lastWatermark = Timestamps.MIN_WATERMARK;
        boolean ended = false;
        for (int seq = 0; seq < actions.size(); seq++)
        {
            final Action action = actions.get(seq);
            output.clear();
            apply(operator, action, seq);
            if (action instanceof Arrive arrive && Timestamps.isValidEventTime(arrive.eventTime()))
            {
                maxTimestamp = Math.max(maxTimestamp, arrive.eventTime());
                final long formula = BigInteger.valueOf(maxTimestamp).subtract(BigInteger.valueOf(bound))
                    .subtract(BigInteger.ONE).max(BigInteger.valueOf(Long.MIN_VALUE)).longValueExact();
                assertThat(output.records())
                    .containsExactly(new Emitted(new Trade(seq, arrive.eventTime()), arrive.eventTime()));
                if (!ended && formula > lastWatermark)
                {
                    assertThat(output.watermarks()).containsExactly(formula);
                    lastWatermark = formula;
                }
                else
                {
                    assertThat(output.watermarks()).isEmpty();
                }
            }
            else if (action instanceof Arrive)
            {
                assertThat(output.events).hasSize(1).first().isInstanceOf(Side.class);
            }
            else if (action instanceof UpstreamWatermark upstream && upstream.watermark() == Timestamps.END_OF_STREAM)
            {
                assertThat(output.watermarks()).containsExactlyElementsOf(
                    ended ? List.of() : List.of(Timestamps.END_OF_STREAM));
                ended = true;
                lastWatermark = Timestamps.END_OF_STREAM;
            }
            else
            {
                assertThat(output.watermarks()).isEmpty();
            }
        }
        assertThat(operator.currentWatermark()).isEqualTo(lastWatermark);
    }

    private static TimestampsAndWatermarksOperator<Trade> open(
        final WatermarkStrategy<Trade> strategy, final RecordingOutput<Trade> output)
    {
        final TimestampsAndWatermarksOperator<Trade> operator =
            new TimestampsAndWatermarksOperator<>("stamp", strategy);
        operator.open(output);
        return operator;
    }

    private static void run(
        final TimestampsAndWatermarksOperator<Trade> operator, final List<Action> actions, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            apply(operator, actions.get(i), i);
        }
    }

    private static void apply(final TimestampsAndWatermarksOperator<Trade> operator, final Action action, final int seq)
    {
        if (action instanceof Arrive arrive)
        {
            operator.processRecord(new Trade(seq, arrive.eventTime()), Timestamps.NO_TIMESTAMP);
        }
        else if (action instanceof Tick tick)
        {
            operator.onProcessingTime(tick.nowTicks());
        }
        else if (action instanceof UpstreamWatermark upstream)
        {
            operator.processWatermark(upstream.watermark());
        }
        else
        {
            operator.processIdle();
        }
    }

    @Provide
    Arbitrary<Long> bounds()
    {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.of(Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<WatermarkStrategy<Trade>> strategies()
    {
        final Arbitrary<WatermarkStrategy<Trade>> base = Arbitraries.oneOf(
            Arbitraries.longs().between(0, 50).map(WatermarkStrategy::<Trade>forBoundedOutOfOrderness),
            Arbitraries.just(WatermarkStrategy.<Trade>forMonotonousTimestamps()),
            Arbitraries.just(WatermarkStrategy.<Trade>forPunctuated(
                (trade, ts) -> trade.seq() % 3 == 0 && ts > Long.MIN_VALUE + 2 ?
                    ts - 2 : PunctuatedWatermarks.NO_WATERMARK)));
        final Arbitrary<Long> idleTimeout = Arbitraries.oneOf(
            Arbitraries.just(WatermarkStrategy.NO_IDLE_TIMEOUT), Arbitraries.longs().between(1, 40));
        return Combinators.combine(base, idleTimeout).as((strategy, timeout) ->
        {
            final WatermarkStrategy<Trade> stamped = strategy.withTimestampAssigner(Trade::eventTime);
            return timeout == WatermarkStrategy.NO_IDLE_TIMEOUT ? stamped : stamped.withIdleness(timeout);
        });
    }

    /** Ticks are generated as increments and resolved to absolute, non-decreasing processing times. */
    @Provide
    Arbitrary<List<Action>> actions()
    {
        final Arbitrary<Long> eventTime = Arbitraries.frequencyOf(
            Tuple.of(90, Arbitraries.longs().between(-50, 500)),
            Tuple.of(3, Arbitraries.just(Long.MIN_VALUE)),
            Tuple.of(3, Arbitraries.just(Long.MAX_VALUE)),
            Tuple.of(4, Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MIN_VALUE + 100)));
        final Arbitrary<Action> action = Arbitraries.frequencyOf(
            Tuple.of(70, eventTime.map(Arrive::new)),
            Tuple.of(20, Arbitraries.longs().between(0, 30).map(Tick::new)),
            Tuple.of(5, Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 600)),
                Tuple.of(1, Arbitraries.just(Timestamps.END_OF_STREAM))).map(UpstreamWatermark::new)),
            Tuple.of(5, Arbitraries.just(new UpstreamIdle())));
        return action.list().ofMaxSize(60).map(TimestampsAndWatermarksPropertyTest::absoluteTicks);
    }

    private static List<Action> absoluteTicks(final List<Action> actions)
    {
        final List<Action> resolved = new ArrayList<>(actions.size());
        long now = 1_000;
        for (final Action action : actions)
        {
            if (action instanceof Tick tick)
            {
                now += tick.nowTicks();
                resolved.add(new Tick(now));
            }
            else
            {
                resolved.add(action);
            }
        }
        return resolved;
    }
}
