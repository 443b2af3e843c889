package io.ringflow.pipeline.runtime;

import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PipelineBuilder#ingressFromAnotherThread()}: a producer thread publishes into a stepped pipeline
 * that another thread steps; a full ingress ring holds the producer back instead of letting it run a
 * stage, so every stage runs on the stepping thread only, and every record arrives, in order.
 */
class SteppedWithProducerThreadTest
{
    private static final int RECORDS = 50_000;

    @Test
    void shouldRunEveryStageOnTheSteppingThreadWhileAnotherThreadPublishes() throws Exception
    {
        final Set<String> stageThreads = ConcurrentHashMap.newKeySet();
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("two-threads", Event.TYPE, ProducerMode.SINGLE)
            .stepped(new CachedEpochClock()).ingressFromAnotherThread().ingressRingSize(8)
            .stage(StageSpec.of("a", () -> new MapOperator<Event, Event>("a", (in, out) ->
            {
                stageThreads.add(Thread.currentThread().getName());
                out.set(in);
            }, Event::new)))
            .build(sink).start();

        final CompletableFuture<Integer> producer = CompletableFuture.supplyAsync(() ->
        {
            final Event event = new Event();
            for (int i = 0; i < RECORDS; i++)
            {
                if (PublishResult.OK != pipeline.ingress().publish(Event.COPY, event.set(i % 7, i, i, 0), 10, TimeUnit.SECONDS))
                {
                    return i;
                }
            }
            return RECORDS;
        });
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sink.records().size() < RECORDS && System.nanoTime() < deadline)
        {
            pipeline.step();
        }

        assertThat(producer.get(10, TimeUnit.SECONDS)).as("records accepted").isEqualTo(RECORDS);
        assertThat(sink.records()).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++)
        {
            assertThat(sink.records().get(i).keySequence).isEqualTo(i);
        }
        assertThat(stageThreads).containsExactly(Thread.currentThread().getName());
        assertThat(pipeline.ingress().backPressuredCount()).as("the producer was held back").isPositive();
        pipeline.close();
    }
}
