package io.ringflow.pipeline.runtime;

import io.ringflow.operators.stateless.MapOperator;
import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.ErrorPolicy;
import io.ringflow.pipeline.PipelineException;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadedPipelineTest
{
    private static final int PRODUCERS = 3;

    private static MapOperator<Event, Event> identity(final String name)
    {
        return new MapOperator<>(name, (in, out) -> out.set(in), Event::new);
    }

    /** route → [2 partitions by key] → merge → sink; sleeping wait strategy so that 2 cores suffice. */
    private static PipelineRuntime<Event> partitioned(final CollectingSink<Event, Event> sink)
    {
        return PipelineBuilder.ingress("partitioned", Event.TYPE, ProducerMode.MULTI).ingressRingSize(256)
            .stage(StageSpec.of("route", () -> identity("route")))
            .stage(StageSpec.of("work", () -> identity("work")).inputType(Event.TYPE).ringSize(64)
                .parallelism(2, Event::key))
            .stage(StageSpec.of("merge", () -> identity("merge")).inputType(Event.TYPE).ringSize(64))
            .build(sink);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void shouldProcessEveryAcceptedRecordWhenDrainedUnderConcurrentProducers(final long seed) throws Exception
    {
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = partitioned(sink).start();
        final Random random = new Random(seed);
        final List<Set<Long>> accepted = new ArrayList<>();
        final List<Thread> producers = new ArrayList<>();
        final AtomicBoolean closedSeen = new AtomicBoolean();
        for (int p = 0; p < PRODUCERS; p++)
        {
            final Set<Long> mine = new HashSet<>();
            accepted.add(mine);
            final int producer = p;
            producers.add(new Thread(() -> produceUntilClosed(pipeline, producer, mine, closedSeen)));
        }
        producers.forEach(Thread::start);
        Thread.sleep(random.nextInt(40));
        pipeline.drain(20, TimeUnit.SECONDS);
        for (final Thread producer : producers)
        {
            producer.join(10_000);
        }

        final Map<Long, Set<Long>> delivered = new HashMap<>();
        for (final Event event : sink.records())
        {
            assertThat(delivered.computeIfAbsent(event.producer, p -> new HashSet<>()).add(event.keySequence))
                .as("delivered once: %s", event).isTrue();
        }
        for (int p = 0; p < PRODUCERS; p++)
        {
            assertThat(delivered.getOrDefault((long)p, Set.of())).as("producer %d", p).isEqualTo(accepted.get(p));
        }
        assertThat(closedSeen).isTrue();
        assertThat(sink.endOfStreams()).isEqualTo(1);
        pipeline.close();
    }

    private static void produceUntilClosed(
        final PipelineRuntime<Event> pipeline, final int producer, final Set<Long> accepted, final AtomicBoolean closedSeen)
    {
        final Event event = new Event();
        for (long n = 0; ; n++)
        {
            final PublishResult result = pipeline.ingress().tryPublish(Event.COPY, event.set(n % 17, n, n, producer));
            if (PublishResult.OK == result)
            {
                accepted.add(n);
            }
            else if (PublishResult.CLOSED == result)
            {
                closedSeen.set(true);
                return;
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void shouldKeepEachKeysOrderAcrossParallelPartitions() throws Exception
    {
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = partitioned(sink).start();
        final Thread producer = new Thread(() ->
        {
            final Event event = new Event();
            final long[] perKey = new long[32];
            for (int n = 0; n < 20_000; n++)
            {
                final int key = (n * 7) % 32;
                pipeline.ingress().publish(Event.COPY, event.set(key, n, perKey[key]++, 0), 10, TimeUnit.SECONDS);
            }
        });
        producer.start();
        producer.join();
        pipeline.drain(20, TimeUnit.SECONDS);

        final Map<Long, Long> last = new HashMap<>();
        for (final Event event : sink.records())
        {
            final long previous = last.getOrDefault(event.key, -1L);
            assertThat(event.keySequence).as("key %d", event.key).isEqualTo(previous + 1);
            last.put(event.key, event.keySequence);
        }
        assertThat(sink.records()).hasSize(20_000);
        pipeline.close();
    }

    @Test
    void shouldProduceTheSameResultsOnThreadsAsStepped()
    {
        final List<WindowResult> stepped = run(true);
        final List<WindowResult> threaded = run(false);
        assertThat(threaded).hasSize(stepped.size()).containsExactlyElementsOf(stepped);
    }

    private static List<WindowResult> run(final boolean stepped)
    {
        final CollectingSink<WindowResult, WindowResult> sink = new CollectingSink<>(WindowResult::copy);
        final PipelineRuntime<Event> pipeline = TestPipelines.keyedWindows(stepped, ProducerMode.SINGLE,
            new WatermarkProbe<>()).build(sink).start();
        final Random random = new Random(42);
        final Event event = new Event();
        final long[] perKey = new long[50];
        for (int n = 0; n < 20_000; n++)
        {
            final int key = random.nextInt(50);
            final long time = n / 4 + random.nextInt(30);
            assertThat(pipeline.ingress().publish(Event.COPY, event.set(key, time, perKey[key]++, 0), 10, TimeUnit.SECONDS))
                .isEqualTo(PublishResult.OK);
        }
        pipeline.drain(20, TimeUnit.SECONDS);
        pipeline.close();
        final List<WindowResult> results = sink.records();
        // partitions interleave differently on threads; within a key the order is fixed, so sort by key, stable
        results.sort(Comparator.comparingLong(WindowResult::key));
        return results;
    }

    @Test
    void shouldPublishCountersToAFileAndRecordEndToEndLatency(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
    {
        final java.nio.file.Path file = dir.resolve("counters.dat");
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("observed", Event.TYPE, ProducerMode.SINGLE)
            .counters(file).serviceTimeTracking(true)
            .stage(StageSpec.of("only", () -> identity("only")))
            .build(new CollectingSink<>(Event::copy)).start();
        final Event event = new Event();
        for (int n = 0; n < 1_000; n++)
        {
            pipeline.ingress().publish(Event.COPY, event.set(n % 5, n, n, 0), 10, TimeUnit.SECONDS);
        }
        pipeline.drain();

        try (io.ringflow.pipeline.metrics.CountersFileReader reader =
            io.ringflow.pipeline.metrics.CountersFileReader.open(file))
        {
            assertThat(reader.value("only: records in")).isEqualTo(1_000);
            assertThat(reader.value(pipeline.name() + ": records accepted")).as("published by the first stage")
                .isEqualTo(1_000);
            assertThat(reader.value("only: records out")).isEqualTo(1_000);
            assertThat(reader.value("only: watermark")).isEqualTo(Long.MAX_VALUE);
        }
        assertThat(pipeline.latency().endToEnd().intervalHistogram(null).getTotalCount()).isEqualTo(1_000);
        assertThat(pipeline.latency().stage("only").intervalHistogram(null).getTotalCount()).isEqualTo(1_000);
        pipeline.close();
    }

    @Test
    void shouldLetAnotherJvmReadTheCountersOfARunningPipeline(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
        throws Exception
    {
        final java.nio.file.Path file = dir.resolve("live-counters.dat");
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("live", Event.TYPE, ProducerMode.SINGLE)
            .counters(file)
            .stage(StageSpec.of("only", () -> identity("only")))
            .build(new CollectingSink<>(Event::copy)).start();
        final Event event = new Event();
        final Process child = new ProcessBuilder(
            io.ringflow.pipeline.metrics.CountersReaderChild.command(file, "only: records in", 2_000))
            .redirectErrorStream(true).start();
        try
        {
            for (int n = 0; n < 2_000; n++)
            {
                pipeline.ingress().publish(Event.COPY, event.set(n % 5, n, n, 0), 10, TimeUnit.SECONDS);
            }
            // the pipeline is still running (not drained) while the child waits for the count
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            final String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(output).contains("final only: records in=2000");
            assertThat(child.exitValue()).isZero();
            assertThat(pipeline.isFinished()).isFalse();
        }
        finally
        {
            child.destroyForcibly();
            pipeline.close();
        }
    }

    @Test
    void shouldRunPinnedStagesWhetherOrNotACoreIsFree()
    {
        final CollectingSink<Event, Event> sink = new CollectingSink<>(Event::copy);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("pinned", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("a", () -> identity("a")).pinned(true).waitStrategy(WaitStrategy.BLOCKING))
            .stage(StageSpec.of("b", () -> identity("b")).inputType(Event.TYPE).pinned(true)
                .waitStrategy(WaitStrategy.BLOCKING))
            .build(sink).start();
        final Event event = new Event();
        for (int n = 0; n < 100; n++)
        {
            pipeline.ingress().publish(Event.COPY, event.set(1, n, n, 0), 10, TimeUnit.SECONDS);
        }
        pipeline.drain();

        assertThat(sink.records()).extracting(e -> e.keySequence).hasSize(100).isSorted();
        // with 2 CPUs at most one stage gets a core of its own; the other runs unpinned (and said so on stderr)
        assertThat(pipeline.pinnedCpus()).hasSize(2);
        pipeline.close();
    }

    @Test
    void shouldReportAStuckStageByName() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("stuck", Event.TYPE, ProducerMode.SINGLE)
            .stage(StageSpec.of("fast", () -> identity("fast")))
            .stage(StageSpec.of("slow", () -> new MapOperator<Event, Event>("slow", (in, out) ->
            {
                awaitQuietly(release);
                out.set(in);
            }, Event::new)).inputType(Event.TYPE).waitStrategy(WaitStrategy.BLOCKING))
            .build(new CollectingSink<>(Event::copy)).start();
        pipeline.ingress().tryPublish(Event.COPY, new Event().set(1, 1, 1, 0));

        assertThatThrownBy(() -> pipeline.drain(200, TimeUnit.MILLISECONDS))
            .isInstanceOf(PipelineException.class)
            .hasMessageContaining("stage 'slow' did not finish within 200 ms");
        release.countDown();
        pipeline.close();
        assertThat(pipeline.isFinished()).isTrue();
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldStopProducersAndReportTheRecordWhenAStageFails() throws Exception
    {
        final PipelineRuntime<Event> pipeline = PipelineBuilder.ingress("fails", Event.TYPE, ProducerMode.MULTI)
            .stage(StageSpec.of("strict", () -> new MapOperator<Event, Event>("strict", (in, out) ->
            {
                if (in.keySequence == 500)
                {
                    throw new ArithmeticException("boom");
                }
                out.set(in);
            }, Event::new)).errorPolicy(ErrorPolicy.FAIL).waitStrategy(WaitStrategy.YIELDING))
            .build(new CollectingSink<>(Event::copy)).start();

        final Event event = new Event();
        PublishResult result = PublishResult.OK;
        for (int n = 0; n < 1_000_000 && PublishResult.CLOSED != result; n++)
        {
            result = pipeline.ingress().publish(Event.COPY, event.set(1, n, n, 0), 5, TimeUnit.SECONDS);
        }
        assertThat(result).isEqualTo(PublishResult.CLOSED);
        assertThat(pipeline.failure()).hasMessageContaining("sequence 500").hasMessageContaining("boom");
        assertThatThrownBy(pipeline::close).isInstanceOf(PipelineException.class)
            .hasMessageContaining("pipeline 'fails' failed").hasMessageContaining("stage 'strict'");
    }
}
