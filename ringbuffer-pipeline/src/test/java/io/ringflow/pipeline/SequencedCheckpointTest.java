package io.ringflow.pipeline;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.runtime.CheckpointListener;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStates;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sequenced pipeline: idempotency keys at the sink, checkpoint barriers, restore, in-band processing
 * time. The property that recovery rests on: a pipeline restored from the checkpoint at input sequence
 * S and fed the inputs after S produces exactly the outputs, keys included, that the uninterrupted run
 * produced after S.
 */
class SequencedCheckpointTest
{
    private static final int RECORDS = 3_000;
    private static final int BARRIER_EVERY = 400;

    /** An output with its key, as the sink saw it. */
    record Keyed(long sequence, int ordinal, WindowResult result)
    {
    }

    /** What one run collected. */
    static final class Run implements SequencedSink<WindowResult>, CheckpointListener
    {
        final List<Keyed> outputs = new ArrayList<>();
        final Map<Long, Map<String, byte[]>> snapshots = new ConcurrentHashMap<>();
        final Map<Long, Long> barrierSequences = new ConcurrentHashMap<>();

        @Override
        public void onRecord(final WindowResult record, final long timestamp, final long inputSequence, final int ordinal)
        {
            outputs.add(new Keyed(inputSequence, ordinal, record.copy()));
        }

        @Override
        public void onStageSnapshot(final long checkpointId, final String stageName, final DirectBuffer state, final int length)
        {
            final byte[] bytes = new byte[length];
            state.getBytes(0, bytes);
            snapshots.computeIfAbsent(checkpointId, id -> new ConcurrentHashMap<>()).put(stageName, bytes);
        }

        @Override
        public void onBarrierAtSink(final long checkpointId, final long inputSequence)
        {
            barrierSequences.put(checkpointId, inputSequence);
        }
    }

    private static Pipeline<Txn> plan(final Run run)
    {
        return Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED).ringSize(64))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .filter("positive", txn -> txn.amount > 0)
            .stage("windows").ringSize(64)
            .keyBy(Txn::card)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)))
            .to(run);
    }

    private static List<Txn> input()
    {
        final Random random = new Random(42);
        final List<Txn> txns = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++)
        {
            txns.add(new Txn().set(random.nextInt(30), i * 2L + random.nextInt(60), random.nextInt(100) - 5));
        }
        return txns;
    }

    /** Sparse, as journal indexes across roll cycles are. */
    private static long sequenceOf(final int index)
    {
        return 1_000 + 3L * index;
    }

    private static Run run(final boolean stepped, final int fromIndex, final StageStates restore, final long firstCheckpoint)
    {
        final Run run = new Run();
        final Pipeline<Txn> plan = plan(run).checkpoints(run);
        if (null != restore)
        {
            plan.restoreFrom(restore);
        }
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Txn> runtime = plan.build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        final List<Txn> txns = input();
        long checkpointId = firstCheckpoint;
        for (int i = fromIndex; i < txns.size(); i++)
        {
            assertThat(ingress.publish(Txn.COPY, txns.get(i), sequenceOf(i), 0)).isEqualTo(PublishResult.OK);
            if ((i + 1) % BARRIER_EVERY == 0)
            {
                assertThat(ingress.barrier(checkpointId++, sequenceOf(i))).isEqualTo(PublishResult.OK);
            }
        }
        assertThat(ingress.endOfStream(sequenceOf(txns.size()))).isEqualTo(PublishResult.OK);
        runtime.drain();
        runtime.close();
        return run;
    }

    @ParameterizedTest(name = "stepped={0}")
    @ValueSource(booleans = {true, false})
    void shouldProduceTheSameOutputsAndKeysAfterARestoreAsTheUninterruptedRunDid(final boolean stepped)
    {
        final Run straight = run(stepped, 0, null, 1);
        assertThat(straight.outputs).hasSizeGreaterThan(500);
        assertThat(straight.barrierSequences).hasSize(RECORDS / BARRIER_EVERY);

        for (final long checkpoint : new long[]{1, 3, 7})
        {
            final long barrierSequence = straight.barrierSequences.get(checkpoint);
            assertThat(barrierSequence).isEqualTo(sequenceOf((int)checkpoint * BARRIER_EVERY - 1));
            final Map<String, byte[]> state = straight.snapshots.get(checkpoint);
            assertThat(state).containsOnlyKeys("txns", "windows");

            final Run resumed = run(stepped, (int)checkpoint * BARRIER_EVERY, state::get, checkpoint + 1);

            final List<Keyed> expected = straight.outputs.stream().filter(o -> o.sequence > barrierSequence).toList();
            assertThat(expected).isNotEmpty();
            assertThat(resumed.outputs).as("outputs after checkpoint %d", checkpoint).isEqualTo(expected);
        }
    }

    @Test
    void shouldNumberTheOutputsOfEachInputFromZeroInSequenceOrder()
    {
        final Run run = run(true, 0, null, 1);
        long sequence = Long.MIN_VALUE;
        int ordinal = -1;
        int inputsWithSeveralOutputs = 0;
        for (final Keyed output : run.outputs)
        {
            if (output.sequence != sequence)
            {
                assertThat(output.sequence).isGreaterThan(sequence);
                assertThat(output.ordinal).isZero();
                inputsWithSeveralOutputs += ordinal > 0 ? 1 : 0;
            }
            else
            {
                assertThat(output.ordinal).isEqualTo(ordinal + 1);
            }
            sequence = output.sequence;
            ordinal = output.ordinal;
        }
        assertThat(inputsWithSeveralOutputs).as("watermarks firing several windows at once").isPositive();
        assertThat(run.outputs.get(run.outputs.size() - 1).sequence)
            .as("the final flush carries the end-of-stream's sequence").isEqualTo(sequenceOf(RECORDS));
    }

    @Test
    void shouldDeliverProcessingTimeInBandToEveryStageAndNeverReadTheClock()
    {
        final Map<String, List<Long>> seen = new HashMap<>();
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(999_999);
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED))
            .apply("first", () -> new TickRecorder<Txn>(seen.computeIfAbsent("first", k -> new ArrayList<>())), Txn.TYPE)
            .stage("second")
            .apply("second", () -> new TickRecorder<Txn>(seen.computeIfAbsent("second", k -> new ArrayList<>())), Txn.TYPE)
            .to((txn, ts) -> { })
            .stepped(clock)
            .build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        ingress.publish(Txn.COPY, new Txn().set(1, 1, 1), 10, 0);
        ingress.processingTime(5_000, 11);
        runtime.stepUntilIdle();
        ingress.processingTime(6_000, 12);
        runtime.drain();

        assertThat(seen.get("first")).containsExactly(5_000L, 6_000L);
        assertThat(seen.get("second")).containsExactly(5_000L, 6_000L);
    }

    @Test
    void shouldHandLateRecordsTheirKeysWhenTheirSinkIsSequenced()
    {
        final List<String> late = new ArrayList<>();
        final List<String> invalid = new ArrayList<>();
        final PipelineRuntime<Txn> runtime = Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(0).withTimestampAssigner(Txn::timeMs))
            .stage("windows")
            .keyBy(Txn::card)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count()))
            .rejected(RejectReason.LATE, (SequencedSink<Rejected<?>>)(rejected, ts, sequence, ordinal) ->
                late.add(sequence + "/" + ordinal + " t=" + ts))
            .rejected(RejectReason.INVALID_TIMESTAMP, (rejected, ts) -> invalid.add("t=" + ts))
            .to((result, ts) -> { })
            .stepped(new CachedEpochClock())
            .build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        ingress.publish(Txn.COPY, new Txn().set(1, 10, 1), 100, 0);
        ingress.publish(Txn.COPY, new Txn().set(1, 250, 1), 101, 0);
        ingress.publish(Txn.COPY, new Txn().set(1, 20, 1), 102, 0);
        ingress.publish(Txn.COPY, new Txn().set(2, 30, 1), 103, 0);
        runtime.drain();
        runtime.close();

        assertThat(late).containsExactly("102/0 t=20", "103/0 t=30");
        assertThat(invalid).isEmpty();
    }

    @Test
    void shouldNameTheStageAStateIsMissingFor()
    {
        final Run run = new Run();
        assertThatThrownBy(() -> plan(run).restoreFrom(name -> null).build())
            .hasMessageContaining("no state for stage 'txns'");
    }

    @Test
    void shouldTellAPlainIngressFromASequencedOne()
    {
        final Run run = new Run();
        final PipelineRuntime<Txn> runtime = plan(run).stepped(new CachedEpochClock()).build();
        assertThatThrownBy(runtime::ingress).hasMessageContaining("sequencedIngress()");
        runtime.close();
    }
}
