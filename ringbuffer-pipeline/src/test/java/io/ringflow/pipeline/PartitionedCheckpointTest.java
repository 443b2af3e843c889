package io.ringflow.pipeline;

import io.ringflow.operators.Collector;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.process.KeyedProcessFunction;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.SequencedCheckpointTest.Keyed;
import io.ringflow.pipeline.SequencedCheckpointTest.Run;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStates;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key-partitioned stages in a sequenced pipeline: their outputs are merged in an order the threads'
 * timing cannot change, so the keys at the sink are the same on every run, and a checkpoint taken across
 * the partitions restores to exactly the outputs the uninterrupted run made after it. Rings of 8 slots and
 * inputs that fan out to 24 records make every ring fill up, so that the merge's waits meet back-pressure.
 */
class PartitionedCheckpointTest
{
    private static final int RECORDS = 3_000;
    private static final int BARRIER_EVERY = 400;
    private static final int RING = 8;
    private static final int FAN_OUT = 24;

    private static Pipeline<Txn> plan(final Run run, final int partitions)
    {
        return plan(run, partitions, RING, FAN_OUT);
    }

    private static Pipeline<Txn> plan(final Run run, final int partitions, final int ring, final int fanOut)
    {
        return Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED).ringSize(ring))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .flatMap("fan-out", (txn, out) ->
            {
                out.collect(txn);
                if (txn.amount == 7)
                {
                    // one input, more records than a ring holds, spread over every partition
                    for (int i = 1; i < fanOut; i++)
                    {
                        out.collect(new Txn().set(txn.card + 1_000L * i, txn.timeMs, 1));
                    }
                }
            }, Txn.TYPE)
            .keyBy(Txn::card).parallelism("windows", partitions)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)))
            .ringSize(ring)
            .stage("merge").ringSize(ring)
            .filter("all", result -> true)
            .to(run);
    }

    private static List<Txn> input()
    {
        final Random random = new Random(7);
        final List<Txn> txns = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++)
        {
            txns.add(new Txn().set(random.nextInt(200), i * 2L + random.nextInt(60), random.nextInt(100)));
        }
        return txns;
    }

    private static long sequenceOf(final int index)
    {
        return 500 + 2L * index;
    }

    private static Run run(
        final int partitions, final boolean stepped, final int fromIndex, final StageStates restore, final long firstCheckpoint)
    {
        return run(partitions, RING, FAN_OUT, stepped, fromIndex, restore, firstCheckpoint);
    }

    private static Run run(
        final int partitions, final int ring, final int fanOut,
        final boolean stepped, final int fromIndex, final StageStates restore, final long firstCheckpoint)
    {
        final Run run = new Run();
        final Pipeline<Txn> plan = plan(run, partitions, ring, fanOut).checkpoints(run);
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
            if (i % 500 == 0)
            {
                assertThat(ingress.processingTime(i, sequenceOf(i))).isEqualTo(PublishResult.OK);
            }
        }
        assertThat(ingress.endOfStream(sequenceOf(txns.size()))).isEqualTo(PublishResult.OK);
        runtime.drain();
        runtime.close();
        return run;
    }

    @Test
    void shouldMakeTheSameOutputsWithTheSameKeysOnEveryRunThreadedOrStepped()
    {
        final Run stepped = run(3, true, 0, null, 1);
        assertThat(stepped.outputs).hasSizeGreaterThan(2_000);
        for (int attempt = 0; attempt < 4; attempt++)
        {
            final Run threaded = run(3, false, 0, null, 1);
            final int first = firstDifference(threaded.outputs, stepped.outputs);
            assertThat(threaded.outputs.subList(first, Math.min(first + 3, threaded.outputs.size())))
                .as("threaded run %d from output %d on", attempt, first)
                .isEqualTo(stepped.outputs.subList(first, Math.min(first + 3, stepped.outputs.size())));
            assertThat(threaded.outputs).hasSameSizeAs(stepped.outputs);
        }
    }

    @ParameterizedTest(name = "partitions={0}, ring={1}, fan-out={2}")
    @CsvSource({"2, 2, 3", "4, 2, 40", "3, 4, 1", "4, 16, 24", "2, 64, 200"})
    void shouldNotLetRingSizesFanOutOrPartitionCountChangeTheOrder(final int partitions, final int ring, final int fanOut)
    {
        final Run stepped = run(partitions, ring, fanOut, true, 0, null, 1);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final Run threaded = run(partitions, ring, fanOut, false, 0, null, 1);
            final int first = firstDifference(threaded.outputs, stepped.outputs);
            assertThat(first).as("first difference, threaded run %d", attempt).isEqualTo(stepped.outputs.size());
            assertThat(threaded.outputs).hasSameSizeAs(stepped.outputs);
        }
    }

    @Test
    void shouldMakeWhatOnePartitionMakesPerInputJustMergedInPartitionOrder()
    {
        final Run one = run(1, true, 0, null, 1);
        final Run three = run(3, false, 0, null, 1);
        assertThat(withoutOrdinals(three.outputs)).isEqualTo(withoutOrdinals(one.outputs));
        assertThat(three.outputs).as("the order within one input differs").isNotEqualTo(one.outputs);
    }

    private static int firstDifference(final List<Keyed> a, final List<Keyed> b)
    {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i)))
        {
            i++;
        }
        return i;
    }

    /** The results of each input, sorted: what must not depend on how many partitions computed them. */
    private static List<String> withoutOrdinals(final List<Keyed> outputs)
    {
        return outputs.stream()
            .sorted(Comparator.comparingLong(Keyed::sequence).thenComparing(o -> o.result().toString()))
            .map(o -> o.sequence() + " " + o.result())
            .toList();
    }

    @ParameterizedTest(name = "partitions={0}, stepped={1}")
    @CsvSource({"2, true", "2, false", "3, true", "3, false"})
    void shouldProduceTheSameOutputsAndKeysAfterARestoreAsTheUninterruptedRunDid(final int partitions, final boolean stepped)
    {
        final Run straight = run(partitions, stepped, 0, null, 1);
        assertThat(straight.barrierSequences).hasSize(RECORDS / BARRIER_EVERY);
        for (final long checkpoint : new long[]{1, 3, 7})
        {
            final long barrierSequence = straight.barrierSequences.get(checkpoint);
            assertThat(barrierSequence).isEqualTo(sequenceOf((int)checkpoint * BARRIER_EVERY - 1));
            final Map<String, byte[]> state = straight.snapshots.get(checkpoint);
            assertThat(state).hasSize(partitions + 2).containsKeys("txns", "windows[0]", "windows[1]", "merge");

            final Run resumed = run(partitions, stepped, (int)checkpoint * BARRIER_EVERY, state::get, checkpoint + 1);

            final List<Keyed> expected = straight.outputs.stream().filter(o -> o.sequence() > barrierSequence).toList();
            assertThat(expected).isNotEmpty();
            assertThat(resumed.outputs).as("outputs after checkpoint %d", checkpoint).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseAStateOfAnotherPartitionCount()
    {
        final Run straight = run(3, true, 0, null, 1);
        final Map<String, byte[]> state = straight.snapshots.get(2L);
        final Run run = new Run();
        assertThatThrownBy(() -> plan(run, 2).restoreFrom(state::get).stepped(new CachedEpochClock()).build())
            .hasMessageContaining("stage 'windows[0]' was checkpointed as one of 3 partitions")
            .hasMessageContaining("this pipeline runs 2");
    }

    /** Two partitioned sections: 3 partitions that emit rarely, a merge that fans out, 2 window partitions. */
    private static Run twoSections(final boolean stepped)
    {
        final Run run = new Run();
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED).ringSize(4))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .keyBy(Txn::card).parallelism("sparse", 3)
            .process("every-seventh", (KeyedProcessFunction<Txn, Txn>)(txn, context, out) ->
            {
                if (txn.card % 7 == 0 || txn.amount == 7)
                {
                    out.collect(txn);
                }
            }, Txn.TYPE)
            .ringSize(4)
            .stage("fan").ringSize(4)
            .flatMap("copies", (Txn txn, Collector<Txn> out) ->
            {
                out.collect(txn);
                for (int i = 1; txn.amount == 7 && i < 10; i++)
                {
                    out.collect(new Txn().set(txn.card + 1_000L * i, txn.timeMs, 1));
                }
            }, Txn.TYPE)
            .keyBy(Txn::card).parallelism("windows", 2)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count(), Aggregates.sum(Txn::amount)))
            .ringSize(4)
            .stage("merge").ringSize(4)
            .filter("all", result -> true)
            .to(run)
            .checkpoints(run);
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Txn> runtime = plan.build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        final Random random = new Random(11);
        long checkpointId = 1;
        for (int i = 0; i < RECORDS; i++)
        {
            final Txn txn = new Txn().set(random.nextInt(50), i * 2L + random.nextInt(60), random.nextInt(30));
            assertThat(ingress.publish(Txn.COPY, txn, sequenceOf(i), 0)).isEqualTo(PublishResult.OK);
            if (i % 300 == 299)
            {
                assertThat(ingress.barrier(checkpointId++, sequenceOf(i))).isEqualTo(PublishResult.OK);
            }
            if (i % 97 == 0)
            {
                assertThat(ingress.processingTime(i, sequenceOf(i))).isEqualTo(PublishResult.OK);
            }
        }
        assertThat(ingress.endOfStream(sequenceOf(RECORDS))).isEqualTo(PublishResult.OK);
        runtime.drain();
        runtime.close();
        return run;
    }

    @Test
    void shouldMergeTwoPartitionedSectionsTheSameWayOnEveryRunStateIncluded()
    {
        final Run stepped = twoSections(true);
        assertThat(stepped.outputs).hasSizeGreaterThan(500);
        assertThat(stepped.snapshots).hasSize(RECORDS / 300);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            final Run threaded = twoSections(false);
            assertThat(threaded.outputs).as("threaded run %d", attempt).isEqualTo(stepped.outputs);
            assertThat(threaded.barrierSequences).isEqualTo(stepped.barrierSequences);
            stepped.snapshots.forEach((checkpoint, stages) -> stages.forEach((stage, bytes) ->
                assertThat(threaded.snapshots.get(checkpoint).get(stage)).as("checkpoint %d, stage %s", checkpoint, stage)
                    .isEqualTo(bytes)));
        }
    }

    @ParameterizedTest(name = "stepped={0}")
    @ValueSource(booleans = {true, false})
    void shouldDeliverEachTickToTheMergeOnceAfterEveryPartitionPassedIt(final boolean stepped)
    {
        final List<Long> ticks = new ArrayList<>();
        final Pipeline<Txn> plan = Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .keyBy(Txn::card).parallelism("windows", 3)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count()))
            .stage("merge")
            .apply("ticks", () -> new TickRecorder<>(ticks), WindowResultType.withSlots(1))
            .to((result, ts) -> { });
        if (stepped)
        {
            plan.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Txn> runtime = plan.build().start();
        final SequencedIngress<Txn> ingress = runtime.sequencedIngress();
        for (int i = 0; i < 100; i++)
        {
            ingress.publish(Txn.COPY, new Txn().set(i, i, 1), 2L * i, 0);
            ingress.processingTime(1_000 + i / 10, 2L * i + 1);
        }
        runtime.drain();
        runtime.close();
        assertThat(ticks).as("each distinct tick once, in order; repeats delivered as sent")
            .hasSize(100).isSorted().startsWith(1_000L, 1_000L).endsWith(1_009L);
    }

    @Test
    void shouldRefuseSideOutputsToASequencedSinkFromPartitions()
    {
        final Run run = new Run();
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.SEQUENCED))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .keyBy(Txn::card).parallelism("windows", 2)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count()))
            .sideOutput(new OutputTag<Txn>("flagged"), (SequencedSink<Txn>)(txn, ts, sequence, ordinal) -> { })
            .to(run).build())
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("stage 'windows' runs 2 partitions and sends side outputs to a SequencedSink");
    }

    @Test
    void shouldRefuseCheckpointsAcrossPartitionsWithoutASequencedIngress()
    {
        final Run run = new Run();
        assertThatThrownBy(() -> Pipeline.from(Source.of("txns", Txn.TYPE).producerMode(ProducerMode.MULTI))
            .assignTimestamps("event-time",
                WatermarkStrategy.<Txn>forBoundedOutOfOrderness(40).withTimestampAssigner(Txn::timeMs))
            .keyBy(Txn::card).parallelism("windows", 2)
            .window(Windows.tumbling(100))
            .aggregate("per-card", Aggregates.of(Aggregates.count()))
            .to((WindowResult result, long ts) -> { })
            .checkpoints(run).build())
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("stage 'windows' runs 2 partitions")
            .hasMessageContaining("ProducerMode.SEQUENCED");
    }
}
