package io.ringflow.operators.time;

import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotException;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.time.RecordingOutput.Emitted;
import io.ringflow.operators.time.RecordingOutput.Idle;
import io.ringflow.operators.time.RecordingOutput.RejectedCopy;
import io.ringflow.operators.time.RecordingOutput.Side;
import io.ringflow.operators.time.RecordingOutput.Watermark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsAndWatermarksOperatorTest
{
    /** A record whose event time is a field, as in a real application. */
    record Trade(String id, long eventTimeMs)
    {
    }

    private final RecordingOutput<Trade> output = new RecordingOutput<>();

    private static WatermarkStrategy<Trade> bounded(final long bound)
    {
        return WatermarkStrategy.<Trade>forBoundedOutOfOrderness(bound).withTimestampAssigner(Trade::eventTimeMs);
    }

    private TimestampsAndWatermarksOperator<Trade> open(final WatermarkStrategy<Trade> strategy)
    {
        final TimestampsAndWatermarksOperator<Trade> operator =
            new TimestampsAndWatermarksOperator<>("stamp", strategy);
        operator.open(output);
        return operator;
    }

    private static void feed(final TimestampsAndWatermarksOperator<Trade> operator, final Trade trade)
    {
        operator.processRecord(trade, Timestamps.NO_TIMESTAMP);
    }

    @Test
    void shouldEmitRecordWithItsTimestampThenTheWatermarkItProduced()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(10));
        final Trade trade = new Trade("a", 100);

        feed(operator, trade);

        assertThat(output.events).containsExactly(new Emitted(trade, 100), new Watermark(89));
        assertThat(operator.currentWatermark()).isEqualTo(89);
        assertThat(operator.maxTimestampSeen()).isEqualTo(100);
    }

    @Test
    void shouldEmitWatermarkOnlyWhenItAdvances()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0));
        final Trade first = new Trade("first", 100);
        final Trade late = new Trade("late", 90);
        final Trade equal = new Trade("equal", 100);
        final Trade next = new Trade("next", 101);

        feed(operator, first);
        feed(operator, late);
        feed(operator, equal);
        feed(operator, next);

        assertThat(output.events).containsExactly(
            new Emitted(first, 100), new Watermark(99),
            new Emitted(late, 90),
            new Emitted(equal, 100),
            new Emitted(next, 101), new Watermark(100));
        assertThat(operator.watermarksEmitted()).isEqualTo(2);
        assertThat(operator.recordsEmitted()).isEqualTo(4);
    }

    @Test
    void shouldNotLowerTheWatermarkForALateRecord()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(5));
        feed(operator, new Trade("a", 1_000));
        feed(operator, new Trade("very late", 10));

        assertThat(output.watermarks()).containsExactly(994L);
        assertThat(operator.currentWatermark()).isEqualTo(994);
        assertThat(operator.maxTimestampSeen()).isEqualTo(1_000);
    }

    @Test
    void shouldClampWatermarkForTimestampsNearLongMinValue()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(100));
        feed(operator, new Trade("a", Long.MIN_VALUE + 1));
        feed(operator, new Trade("b", Long.MIN_VALUE + 101));

        assertThat(output.watermarks()).as("MIN_WATERMARK is not an advance, and nothing wrapped").isEmpty();
        feed(operator, new Trade("c", Long.MIN_VALUE + 102));
        assertThat(output.watermarks()).containsExactly(Long.MIN_VALUE + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, Long.MAX_VALUE})
    void shouldRejectReservedTimestampWithoutEmittingTheRecord(final long reserved)
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0));
        feed(operator, new Trade("ok", 50));
        output.clear();
        final Trade bad = new Trade("bad", reserved);

        feed(operator, bad);

        assertThat(output.events).containsExactly(new Side(Rejected.TAG.name(),
            new RejectedCopy("stamp", bad, reserved, RejectReason.INVALID_TIMESTAMP, 49), Timestamps.NO_TIMESTAMP));
        assertThat(operator.recordsRejected()).isEqualTo(1);
        assertThat(operator.recordsEmitted()).isEqualTo(1);
        assertThat(operator.currentWatermark()).as("a rejected record does not move event time").isEqualTo(49);
        assertThat(operator.maxTimestampSeen()).isEqualTo(50);
    }

    @Test
    void shouldReuseOneRejectedInstanceForEveryRejection()
    {
        final TimestampsAndWatermarksOperator<Trade> operator =
            new TimestampsAndWatermarksOperator<>("stamp", bounded(0));
        final Object[] seen = new Object[2];
        operator.open(new DiscardingOutput()
        {
            private int count;

            @Override
            public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
            {
                seen[count++] = record;
            }
        });

        feed(operator, new Trade("x", Long.MIN_VALUE));
        feed(operator, new Trade("y", Long.MAX_VALUE));

        assertThat(seen[0]).isNotNull().isSameAs(seen[1]);
    }

    @Test
    void shouldKeepTheCarriedTimestampWhenNoAssignerIsConfigured()
    {
        final TimestampsAndWatermarksOperator<Trade> operator =
            open(WatermarkStrategy.<Trade>forBoundedOutOfOrderness(1));
        final Trade carried = new Trade("carried", 999);
        final Trade unstamped = new Trade("unstamped", 999);

        operator.processRecord(carried, 42);
        operator.processRecord(unstamped, Timestamps.NO_TIMESTAMP);

        assertThat(output.events).containsExactly(
            new Emitted(carried, 42), new Watermark(40),
            new Side("rejected", new RejectedCopy("stamp", unstamped, Timestamps.NO_TIMESTAMP,
                RejectReason.INVALID_TIMESTAMP, 40), Timestamps.NO_TIMESTAMP));
    }

    @Test
    void shouldForwardEndOfStreamOnceAndIgnoreOtherUpstreamWatermarks()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0));
        feed(operator, new Trade("a", 10));
        output.clear();

        operator.processWatermark(500);
        operator.processWatermark(5);
        assertThat(output.events).as("upstream event time is replaced by this operator's").isEmpty();

        operator.processWatermark(Timestamps.END_OF_STREAM);
        operator.processWatermark(Timestamps.END_OF_STREAM);
        assertThat(output.events).containsExactly(new Watermark(Timestamps.END_OF_STREAM));
        assertThat(operator.currentWatermark()).isEqualTo(Timestamps.END_OF_STREAM);

        feed(operator, new Trade("after end", 20));
        assertThat(output.watermarks()).as("never backwards, even after end of stream")
            .containsExactly(Timestamps.END_OF_STREAM);
    }

    @Test
    void shouldIgnoreUpstreamIdleness()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0));

        operator.processIdle();

        assertThat(output.events).isEmpty();
        assertThat(operator.isIdle()).isFalse();
    }

    @Test
    void shouldDeclareIdleOnceAfterTimeoutAndBecomeActiveOnNextRecord()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0).withIdleness(100));

        operator.onProcessingTime(1_000);
        operator.onProcessingTime(1_050);
        operator.onProcessingTime(1_099);
        assertThat(output.events).as("the first tick starts the clock").isEmpty();

        operator.onProcessingTime(1_100);
        operator.onProcessingTime(1_150);
        operator.onProcessingTime(5_000);
        assertThat(output.events).containsExactly(new Idle());
        assertThat(operator.isIdle()).isTrue();
        assertThat(operator.idleDeclarations()).isEqualTo(1);

        final Trade trade = new Trade("wake", 7);
        feed(operator, trade);
        assertThat(operator.isIdle()).isFalse();

        operator.onProcessingTime(5_010);
        operator.onProcessingTime(5_109);
        assertThat(output.events).containsExactly(new Idle(), new Emitted(trade, 7), new Watermark(6));
        operator.onProcessingTime(5_110);
        assertThat(output.events).containsExactly(new Idle(), new Emitted(trade, 7), new Watermark(6), new Idle());
        assertThat(operator.idleDeclarations()).isEqualTo(2);
    }

    @Test
    void shouldNeverGoIdleSoonerThanTheTimeoutAfterTheLastRecord()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0).withIdleness(100));
        operator.onProcessingTime(0);
        operator.onProcessingTime(90);
        feed(operator, new Trade("at about 95", 1));

        operator.onProcessingTime(100);
        operator.onProcessingTime(199);
        assertThat(output.idles()).as("the record is dated to tick 100, the first tick after it").isZero();

        operator.onProcessingTime(200);
        assertThat(output.idles()).isEqualTo(1);
    }

    @Test
    void shouldNeverDeclareIdleWithoutIdleTimeout()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0));
        for (long tick = 0; tick < 10_000; tick += 1_000)
        {
            operator.onProcessingTime(tick);
        }
        assertThat(output.events).isEmpty();
    }

    @Test
    void shouldNotDeclareIdleAfterEndOfStream()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0).withIdleness(10));
        operator.onProcessingTime(0);
        operator.processWatermark(Timestamps.END_OF_STREAM);
        operator.onProcessingTime(1_000);

        assertThat(output.events).containsExactly(new Watermark(Timestamps.END_OF_STREAM));
    }

    @Test
    void shouldNotCountRejectedRecordsAsActivity()
    {
        final TimestampsAndWatermarksOperator<Trade> operator = open(bounded(0).withIdleness(10));
        operator.onProcessingTime(0);
        operator.onProcessingTime(5);
        feed(operator, new Trade("bad", Long.MIN_VALUE));
        operator.onProcessingTime(10);

        assertThat(output.idles()).isEqualTo(1);
        assertThat(operator.isIdle()).isTrue();
    }

    @Test
    void shouldLeaveNoTraceOfARecordWhosePunctuatedFunctionThrew()
    {
        final WatermarkStrategy<Trade> strategy = WatermarkStrategy.<Trade>forPunctuated((trade, ts) ->
        {
            if (trade.id().equals("poison"))
            {
                throw new IllegalArgumentException("cannot parse");
            }
            return ts - 1;
        }).withTimestampAssigner(Trade::eventTimeMs);
        final TimestampsAndWatermarksOperator<Trade> operator = open(strategy);
        feed(operator, new Trade("a", 10));
        final byte[] before = Snapshots.toBytes(operator);
        output.clear();

        assertThatThrownBy(() -> feed(operator, new Trade("poison", 500))).hasMessage("cannot parse");

        assertThat(output.events).isEmpty();
        assertThat(Snapshots.toBytes(operator)).isEqualTo(before);
        feed(operator, new Trade("b", 20));
        assertThat(output.watermarks()).containsExactly(19L);
    }

    @Test
    void shouldEmitAWatermarkLostToAFailingDownstreamWithTheNextRecord()
    {
        final TimestampsAndWatermarksOperator<Trade> operator =
            new TimestampsAndWatermarksOperator<>("stamp", bounded(0));
        operator.open(new DiscardingOutput()
        {
            @Override
            public void emit(final Trade record, final long timestamp)
            {
                if (record.id().equals("fails downstream"))
                {
                    throw new IllegalStateException("downstream failure");
                }
                output.emit(record, timestamp);
            }

            @Override
            public void emitWatermark(final long watermark)
            {
                output.emitWatermark(watermark);
            }
        });

        assertThatThrownBy(() -> feed(operator, new Trade("fails downstream", 100)))
            .hasMessage("downstream failure");
        final Trade next = new Trade("next", 50);
        feed(operator, next);

        assertThat(output.events).containsExactly(new Emitted(next, 50), new Watermark(99));
    }

    @Test
    void shouldContinueIdenticallyAfterRestoreIntoAFreshOperator()
    {
        final WatermarkStrategy<Trade> strategy = bounded(3).withIdleness(50);
        final TimestampsAndWatermarksOperator<Trade> original = open(strategy);
        original.onProcessingTime(0);
        feed(original, new Trade("a", 100));
        feed(original, new Trade("bad", Long.MAX_VALUE));
        original.onProcessingTime(10);

        final RecordingOutput<Trade> restoredOutput = new RecordingOutput<>();
        final TimestampsAndWatermarksOperator<Trade> restored =
            new TimestampsAndWatermarksOperator<>("stamp", strategy);
        restored.open(restoredOutput);
        Snapshots.restore(restored, Snapshots.toBytes(original), "test");
        output.clear();

        for (final TimestampsAndWatermarksOperator<Trade> operator : List.of(original, restored))
        {
            feed(operator, new Trade("late", 90));
            feed(operator, new Trade("b", 110));
            operator.onProcessingTime(59);
            operator.onProcessingTime(108);
            operator.onProcessingTime(109);
        }

        assertThat(restoredOutput.events).isEqualTo(output.events).containsExactly(
            new Emitted(new Trade("late", 90), 90),
            new Emitted(new Trade("b", 110), 110), new Watermark(106),
            new Idle());
        assertThat(restored.recordsRejected()).isEqualTo(original.recordsRejected()).isEqualTo(1);
        assertThat(restored.recordsEmitted()).isEqualTo(3);
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(original));
    }

    @Test
    void shouldRefuseToRestoreASnapshotOfAnotherGeneratorKind()
    {
        final TimestampsAndWatermarksOperator<Trade> punctuated = open(
            WatermarkStrategy.<Trade>forPunctuated((t, ts) -> ts).withTimestampAssigner(Trade::eventTimeMs));
        feed(punctuated, new Trade("a", 5));

        final TimestampsAndWatermarksOperator<Trade> bounded =
            new TimestampsAndWatermarksOperator<>("stamp", bounded(0));
        bounded.open(new RecordingOutput<>());

        assertThatThrownBy(() -> Snapshots.restore(bounded, Snapshots.toBytes(punctuated), "checkpoint 7"))
            .isInstanceOf(SnapshotException.class)
            .hasMessageContaining("checkpoint 7")
            .hasMessageContaining("punctuated");
    }

    @Test
    void shouldRequireAName()
    {
        assertThatThrownBy(() -> new TimestampsAndWatermarksOperator<>("", bounded(0)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimestampsAndWatermarksOperator<>(null, bounded(0)))
            .isInstanceOf(NullPointerException.class);
    }

    /** Drops everything; tests override what they observe. */
    private static class DiscardingOutput implements Output<Trade>
    {
        @Override
        public void emit(final Trade record, final long timestamp)
        {
        }

        @Override
        public void emitWatermark(final long watermark)
        {
        }

        @Override
        public void emitIdle()
        {
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
        }
    }
}
