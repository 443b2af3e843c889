package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.DeadLetter;
import io.ringflow.pipeline.ErrorPolicy;
import io.ringflow.pipeline.PipelineException;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteppedPipelineTest
{
    private final Event event = new Event();

    private static MapOperator<Event, Event> identity(final String name)
    {
        return new MapOperator<>(name, (in, out) -> out.set(in), Event::new);
    }

    private static StageSpec<Event, Event> identityStage(final String name)
    {
        return StageSpec.of(name, () -> identity(name)).inputType(Event.TYPE);
    }

    @Test
    void shouldCarryRecordsThroughEveryStageInOrder()
    {
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("line", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("a", () -> identity("a")))
            .stage(identityStage("b").ringSize(4))
            .stage(identityStage("c").ringSize(4))
            .build(sink).start();

        for (int i = 0; i < 20; i++)
        {
            assertThat(pipeline.ingress().publish(Event.COPY, event.set(i % 3, i, i, 0), 1, TimeUnit.SECONDS))
                .isEqualTo(PublishResult.OK);
        }
        pipeline.drain();

        assertThat(sink.records()).extracting(e -> e.keySequence).containsExactly(
            0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(sink.endOfStreams()).isEqualTo(1);
        assertThat(pipeline.stats()).extracting(StageStats::recordsIn).containsExactly(20L, 20L, 20L);
        assertThat(pipeline.stats()).allMatch(StageStats::finished);
        pipeline.close();
    }

    @Test
    void shouldAnswerBackPressuredWhenTheIngressIsFullAndAcceptAgainOnceStepped()
    {
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("small", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock()).ingressRingSize(8)
            .stage(StageSpec.of("a", () -> identity("a")))
            .build(sink).start();

        for (int i = 0; i < 8; i++)
        {
            assertThat(pipeline.ingress().tryPublish(Event.COPY, event.set(1, i, i, 0))).isEqualTo(PublishResult.OK);
        }
        assertThat(pipeline.ingress().tryPublish(Event.COPY, event.set(1, 8, 8, 0)))
            .isEqualTo(PublishResult.BACK_PRESSURED);
        assertThat(pipeline.ingress().backPressuredCount()).isEqualTo(1);

        assertThat(pipeline.step()).isEqualTo(8);
        assertThat(pipeline.ingress().tryPublish(Event.COPY, event.set(1, 8, 8, 0))).isEqualTo(PublishResult.OK);
        pipeline.drain();

        assertThat(sink.records()).hasSize(9);
        assertThat(pipeline.ingress().tryPublish(Event.COPY, event)).isEqualTo(PublishResult.CLOSED);
        pipeline.close();
    }

    @Test
    void shouldTakeTheMinimumOverPartitionsAsTheDownstreamWatermark()
    {
        final long keyOnPartitionZero = keyOn(0);
        final long keyOnPartitionOne = keyOn(1);
        final WatermarkProbe<Event> probe = new WatermarkProbe<>();
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("min", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("route", () -> identity("route")))
            .stage(StageSpec.of("event-time", () -> OperatorChain.first(new TimestampsAndWatermarksOperator<>("event-time",
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(0).withTimestampAssigner(Event::timeMs))))
                .inputType(Event.TYPE).parallelism(2, Event::key))
            .stage(StageSpec.of("probe", () -> probe).inputType(Event.TYPE))
            .build(new CollectingSink<>(Event::copy)).start();

        publish(pipeline, keyOnPartitionZero, 1_000);
        publish(pipeline, keyOnPartitionOne, 100);
        pipeline.stepUntilIdle();
        assertThat(probe.watermarks).last().isEqualTo(99L);

        publish(pipeline, keyOnPartitionOne, 2_000);
        pipeline.stepUntilIdle();
        assertThat(probe.watermarks).last().isEqualTo(999L);

        pipeline.drain();
        assertThat(probe.watermarks).last().isEqualTo(Long.MAX_VALUE);
        assertThat(probe.watermarks).isSorted();
        pipeline.close();
    }

    @Test
    void shouldLetAnIdlePartitionStopHoldingTheWatermarkBackOnProcessingTime()
    {
        final CachedEpochClock clock = new CachedEpochClock();
        final WatermarkProbe<Event> probe = new WatermarkProbe<>();
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("idle", Event.TYPE, ProducerMode.SINGLE)
            .stepped(clock)
            .stage(StageSpec.of("route", () -> identity("route")))
            .stage(StageSpec.of("event-time", () -> OperatorChain.first(new TimestampsAndWatermarksOperator<>("event-time",
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(0).withTimestampAssigner(Event::timeMs).withIdleness(100))))
                .inputType(Event.TYPE).parallelism(2, Event::key))
            .stage(StageSpec.of("probe", () -> probe).inputType(Event.TYPE))
            .build(new CollectingSink<>(Event::copy)).start();

        publish(pipeline, keyOn(0), 1_000);
        publish(pipeline, keyOn(1), 100);
        pipeline.stepUntilIdle();
        assertThat(probe.watermarks).last().isEqualTo(99L);

        clock.update(60);
        publish(pipeline, keyOn(0), 1_100);
        pipeline.stepUntilIdle();
        assertThat(probe.watermarks).last().as("partition 1 still counts").isEqualTo(99L);

        clock.update(150);
        pipeline.stepUntilIdle();
        assertThat(probe.watermarks).last().as("partition 1 idle: partition 0 alone").isEqualTo(1_099L);
        pipeline.drain();
        pipeline.close();
    }

    @Test
    void shouldSendRecordsAFunctionThrowsOnToDeadLettersAndGoOn()
    {
        final List<String> letters = new ArrayList<>();
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("dl", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("checked", () -> new MapOperator<Event, Event>("checked", (in, out) ->
            {
                if (13 == in.key)
                {
                    throw new IllegalArgumentException("unlucky key");
                }
                out.set(in);
            }, Event::new)).deadLetters(letter -> letters.add(describe(letter))))
            .build(sink).start();

        for (int i = 0; i < 6; i++)
        {
            pipeline.ingress().publish(Event.COPY, event.set(i == 2 || i == 4 ? 13 : 1, i, i, 0), 1, TimeUnit.SECONDS);
        }
        pipeline.drain();

        assertThat(sink.records()).extracting(e -> e.keySequence).containsExactly(0L, 1L, 3L, 5L);
        assertThat(letters).containsExactly(
            "checked@2 key=13 java.lang.IllegalArgumentException: unlucky key",
            "checked@4 key=13 java.lang.IllegalArgumentException: unlucky key");
        assertThat(pipeline.stats().get(0).deadLetters()).isEqualTo(2);
        pipeline.close();
    }

    private static String describe(final DeadLetter letter)
    {
        return letter.stage() + "@" + letter.sequence() + " key=" + ((Event)letter.record()).key + " " + letter.error();
    }

    @Test
    void shouldFailThePipelineNamingStageSequenceAndRecordUnderTheFailPolicy()
    {
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("strict", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("first", () -> identity("first")))
            .stage(StageSpec.of("strict", () -> new MapOperator<Event, Event>("strict", (in, out) ->
            {
                if (in.key < 0)
                {
                    throw new IllegalStateException("negative key");
                }
                out.set(in);
            }, Event::new)).inputType(Event.TYPE).errorPolicy(ErrorPolicy.FAIL))
            .build(new CollectingSink<>(Event::copy)).start();

        pipeline.ingress().tryPublish(Event.COPY, event.set(1, 0, 0, 0));
        pipeline.ingress().tryPublish(Event.COPY, event.set(-5, 1, 1, 0));
        pipeline.ingress().tryPublish(Event.COPY, event.set(2, 2, 2, 0));

        assertThatThrownBy(pipeline::stepUntilIdle)
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("stage 'strict'")
            .hasMessageContaining("sequence 1")
            .hasMessageContaining("key=-5")
            .hasMessageContaining("negative key")
            .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(pipeline.ingress().tryPublish(Event.COPY, event)).isEqualTo(PublishResult.CLOSED);
        assertThatThrownBy(pipeline::close).isInstanceOf(PipelineException.class).hasMessageContaining("'strict'");
    }

    @Test
    void shouldRouteLateRecordsToTheirSinkAndCountThem()
    {
        final List<String> late = new ArrayList<>();
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("late", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock())
            .stage(StageSpec.of("windows", () -> OperatorChain.first(new TimestampsAndWatermarksOperator<>("time",
                    WatermarkStrategy.<Event>forBoundedOutOfOrderness(0).withTimestampAssigner(Event::timeMs)))
                .then(io.ringflow.operators.window.WindowOperator.keyed("w", Event::key)
                    .window(io.ringflow.operators.window.Windows.tumbling(100))
                    .aggregate(io.ringflow.operators.aggregate.Aggregates.count())))
                .sideOutput(Rejected.<Event>tag(), (rejected, ts) ->
                    late.add(rejected.reason() + ":" + rejected.record().keySequence)))
            .build(new CollectingSink<WindowResult, WindowResult>(WindowResult::copy)).start();

        publish(pipeline, 1, 50);
        publish(pipeline, 1, 250);
        publish(pipeline, 1, 60);
        pipeline.drain();

        assertThat(late).containsExactly(RejectReason.LATE + ":60");
        assertThat(pipeline.stats().get(0).lateRecords()).isEqualTo(1);
        pipeline.close();
    }

    @Test
    void shouldRejectAnInvalidPlanNamingWhatIsWrong()
    {
        assertThatThrownBy(() -> PipelineBuilder.ingress("p", Event.TYPE, ProducerMode.SINGLE)
            .build(new CollectingSink<>(Event::copy)))
            .hasMessageContaining("no stage");
        assertThatThrownBy(() -> PipelineBuilder.ingress("p", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("a", () -> identity("a")))
            .stage(StageSpec.of("b", () -> identity("b")))
            .build(new CollectingSink<>(Event::copy)))
            .hasMessageContaining("stage 'b'").hasMessageContaining("inputType");
        assertThatThrownBy(() -> PipelineBuilder.ingress("p", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("a", () -> identity("a")))
            .stage(identityStage("a"))
            .build(new CollectingSink<>(Event::copy)))
            .hasMessageContaining("two stages are named 'a'");
        assertThatThrownBy(() -> PipelineBuilder.ingress("p", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("a", () -> identity("a")).parallelism(2, Event::key))
            .build(new CollectingSink<>(Event::copy)))
            .hasMessageContaining("stage 'a'").hasMessageContaining("cannot be partitioned");
        assertThatThrownBy(() -> PipelineBuilder.ingress("p", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("a", () -> identity("a")))
            .stage(identityStage("b").ringSize(1000))
            .build(new CollectingSink<>(Event::copy)))
            .hasMessageContaining("stage 'b'").hasMessageContaining("power of two");
    }

    private void publish(final PipelineRuntime<Event> pipeline, final long key, final long timeMs)
    {
        assertThat(pipeline.ingress().publish(Event.COPY, event.set(key, timeMs, timeMs, 0), 1, TimeUnit.SECONDS))
            .isEqualTo(PublishResult.OK);
    }

    static long keyOn(final int partition)
    {
        for (long key = 0; ; key++)
        {
            if (PartitionedPublisher.partitionOf(key, 2) == partition)
            {
                return key;
            }
        }
    }
}
