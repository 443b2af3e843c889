package io.ringflow.pipeline.runtime;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.aggregate.Aggregates;
import io.ringflow.operators.stateless.FlatMapOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.operators.window.WindowOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.operators.window.Windows;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.WaitStrategy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.CachedEpochClock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stepped mode is the specification of the threaded one: for random inputs, partition counts and
 * ring sizes (small rings force every publisher through its full-ring path), both give the same
 * results, key by key in the same order.
 */
class SteppedThreadedEquivalenceTest
{
    @Property(tries = 25)
    void shouldGiveTheSameResultsOnThreadsAsStepped(
        @ForAll final long seed,
        @ForAll @IntRange(min = 1, max = 3) final int partitions,
        @ForAll @IntRange(min = 1, max = 6) final int ringSizeLog2)
    {
        final List<Event> input = events(seed, 3_000);
        final List<WindowResult> stepped = run(input, partitions, 1 << ringSizeLog2, true);
        final List<WindowResult> threaded = run(input, partitions, 1 << ringSizeLog2, false);

        assertThat(threaded).hasSize(stepped.size()).containsExactlyElementsOf(stepped);
        assertThat(stepped).isNotEmpty();
    }

    private static List<Event> events(final long seed, final int count)
    {
        final Random random = new Random(seed);
        final List<Event> events = new ArrayList<>();
        for (int n = 0; n < count; n++)
        {
            events.add(new Event().set(random.nextInt(30), n / 3 + random.nextInt(40), n, 0));
        }
        return events;
    }

    /**
     * event time → duplicate every third record (flatMap) → [partitions by key] tumbling 50 count + max
     * sequence, lateness 10 → sink stage.
     */
    private static List<WindowResult> run(
        final List<Event> input, final int partitions, final int ringSize, final boolean stepped)
    {
        final CollectingSink<WindowResult, WindowResult> sink = new CollectingSink<>(WindowResult::copy);
        final PipelineBuilder<Event, Event> builder = PipelineBuilder.ingress("equivalence", Event.TYPE, ProducerMode.SINGLE)
            .ingressRingSize(Math.max(2, ringSize));
        if (stepped)
        {
            builder.stepped(new CachedEpochClock());
        }
        final PipelineRuntime<Event> pipeline = builder
            .stage(StageSpec.of("prepare", () -> OperatorChain
                .first(new TimestampsAndWatermarksOperator<>("time",
                    WatermarkStrategy.<Event>forBoundedOutOfOrderness(15).withTimestampAssigner(Event::timeMs)))
                .then(new FlatMapOperator<Event, Event>("dup", (event, out) ->
                {
                    out.collect(event);
                    if (event.keySequence % 3 == 0)
                    {
                        out.collect(event);
                    }
                })))
                .waitStrategy(WaitStrategy.YIELDING))
            .stage(StageSpec.<Event, WindowResult>of("windows", () -> WindowOperator.keyed("w", Event::key)
                    .window(Windows.tumbling(50)).allowedLateness(10)
                    .aggregate(Aggregates.of(Aggregates.count(), Aggregates.max(Event::keySequence))))
                .inputType(Event.TYPE).ringSize(Math.max(2, ringSize)).parallelism(partitions, Event::key)
                .waitStrategy(WaitStrategy.YIELDING))
            .stage(StageSpec.of("sink", () -> new WatermarkProbe<WindowResult>())
                .inputType(TestPipelines.WINDOW_RESULT).ringSize(Math.max(2, ringSize)).waitStrategy(WaitStrategy.YIELDING))
            .build(sink).start();
        for (final Event event : input)
        {
            assertThat(pipeline.ingress().publish(Event.COPY, event, 10, TimeUnit.SECONDS)).isEqualTo(PublishResult.OK);
        }
        pipeline.drain(30, TimeUnit.SECONDS);
        pipeline.close();
        final List<WindowResult> results = sink.records();
        // partitions interleave differently on threads; within a key the order is fixed, so sort by key, stably
        results.sort(Comparator.comparingLong(WindowResult::key));
        return results;
    }
}
