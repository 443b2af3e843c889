package io.ringflow.journal.durable;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageStats;
import io.ringflow.pipeline.metrics.LatencyRecorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A durable pipeline built with {@code latencyFrom(clock)} records end-to-end latency from each record's
 * journaled ingest time; {@link DurablePipeline#runtime()} is the running runtime, for live figures, and
 * null outside {@link DurablePipeline#run()}. The latencies are checked against bounds taken from
 * {@link System#nanoTime()} around the run, which hold however fast or slow the machine is.
 */
class DurablePipelineLatencyTest
{
    private static final int RECORDS = 200;
    /** Between stamping and running: what makes the ingest-time origin tell from the read-time one. */
    private static final long GAP_MS = 300;

    @TempDir
    Path dir;

    @Test
    void shouldRecordLatencyFromTheJournaledIngestTime() throws InterruptedException
    {
        final IngestClock clock = new IngestClock();
        final long stampedNs = System.nanoTime();
        writeInput(clock.epochNanosAt(stampedNs));
        Thread.sleep(GAP_MS);

        final AtomicReference<PipelineRuntime<Payment>> seen = new AtomicReference<>();
        final DurablePipeline<Payment, Payment> pipeline = pipeline(true, clock, seen);
        assertThat(pipeline.runtime()).as("before run()").isNull();
        final long beforeRunNs = System.nanoTime();
        final RecoveryReport report = pipeline.run();
        final long afterRunNs = System.nanoTime();

        assertThat(report.recordsFed()).isEqualTo(RECORDS);
        assertThat(pipeline.runtime()).as("after run()").isNull();
        final LatencyRecorder endToEnd = seen.get().latency().endToEnd();
        final Histogram histogram = endToEnd.intervalHistogram(null);
        assertThat(histogram.getTotalCount()).isEqualTo(RECORDS);
        assertThat(endToEnd.clampedCount()).isZero();
        assertThat(histogram.getMinValue()).as("at least from the stamp to the start of the run")
            .isGreaterThanOrEqualTo(histogram.lowestEquivalentValue(beforeRunNs - stampedNs));
        assertThat(histogram.getMaxValue()).as("at most from the stamp to the end of the run")
            .isLessThanOrEqualTo(histogram.highestEquivalentValue(afterRunNs - stampedNs));
    }

    @Test
    void shouldRecordLatencyFromTheReadWithoutLatencyFrom() throws InterruptedException
    {
        final IngestClock clock = new IngestClock();
        writeInput(clock.epochNanos());
        Thread.sleep(GAP_MS);

        final AtomicReference<PipelineRuntime<Payment>> seen = new AtomicReference<>();
        final long beforeRunNs = System.nanoTime();
        pipeline(true, null, seen).run();
        final long afterRunNs = System.nanoTime();

        final Histogram histogram = seen.get().latency().endToEnd().intervalHistogram(null);
        assertThat(histogram.getTotalCount()).isEqualTo(RECORDS);
        assertThat(histogram.getMaxValue()).as("within the run: the stamps are ignored")
            .isLessThanOrEqualTo(histogram.highestEquivalentValue(afterRunNs - beforeRunNs));
    }

    @Test
    void shouldCountEntriesStampedBeforeTheClockFromTheirRead()
    {
        writeInput(7);   // a previous run's (or a test's) ingest times: far older than any clock
        final IngestClock clock = new IngestClock();

        final AtomicReference<PipelineRuntime<Payment>> seen = new AtomicReference<>();
        final long beforeRunNs = System.nanoTime();
        pipeline(true, clock, seen).run();
        final long afterRunNs = System.nanoTime();

        final LatencyRecorder endToEnd = seen.get().latency().endToEnd();
        final Histogram histogram = endToEnd.intervalHistogram(null);
        assertThat(histogram.getTotalCount()).isEqualTo(RECORDS);
        assertThat(endToEnd.clampedCount()).as("no latency counted from a stamp the clock does not cover").isZero();
        assertThat(histogram.getMaxValue())
            .isLessThanOrEqualTo(histogram.highestEquivalentValue(afterRunNs - beforeRunNs));
    }

    @Test
    void shouldExposeTheRunningRuntimeWithLiveStatsWhileRunning(@TempDir final Path journalDir) throws Exception
    {
        final Path input = journalDir.resolve("input");
        final IngestClock clock = new IngestClock();
        try (InputJournal journal = new InputJournal(input))
        {
            final Payment payment = new Payment();
            for (int i = 0; i < RECORDS; i++)
            {
                journal.append(Payment.CODEC, payment.set(i, i, i % 2 == 0 ? i : -i), i, clock.epochNanos());
            }
            final DurablePipeline<Payment, Payment> pipeline = DurablePipeline.<Payment, Payment>builder("latency-test-v1")
                .input(input, Payment.CODEC, Payment.TYPE)
                .output(dir.resolve("out"), Payment.CODEC)
                .checkpoints(dir.resolve("cp"), 2)
                .latencyFrom(clock)
                .plan((source, sink) -> Pipeline.from(source).filter("non-negative", p -> p.amount >= 0).to(sink))
                .build();
            assertThat(pipeline.runtime()).isNull();
            final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            PipelineRuntime<Payment> runtime = pipeline.runtime();
            while (null == runtime || runtime.stats().get(0).recordsIn() < RECORDS ||
                runtime.stats().get(0).recordsOut() < RECORDS / 2)
            {
                assertThat(running).as("run() ended early").isNotDone();
                assertThat(System.nanoTime()).as("the running runtime never showed every record").isLessThan(deadline);
                Thread.sleep(1);
                runtime = pipeline.runtime();
            }
            final List<StageStats> live = runtime.stats();
            assertThat(live).singleElement().satisfies(stage ->
            {
                assertThat(stage.stage()).as("the first stage, named after the source").isEqualTo("latency-test-v1");
                assertThat(stage.recordsIn()).isEqualTo(RECORDS);
                assertThat(stage.recordsOut()).isEqualTo(RECORDS / 2);
                assertThat(stage.finished()).isFalse();
            });
            assertThat(running).as("the journal has no end-of-stream yet").isNotDone();

            journal.appendEndOfStream(clock.epochNanos());
            final RecoveryReport report = running.get(30, TimeUnit.SECONDS);
            assertThat(report.reachedEndOfStream()).isTrue();
            assertThat(report.outputsAppended()).isEqualTo(RECORDS / 2);
            assertThat(pipeline.runtime()).as("after run() returned").isNull();
            assertThat(runtime.stats().get(0).finished()).isTrue();
            assertThat(runtime.latency().endToEnd().intervalHistogram(null).getTotalCount()).isEqualTo(RECORDS);
        }
    }

    private void writeInput(final long ingestTimeNs)
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            final Payment payment = new Payment();
            for (int i = 0; i < RECORDS; i++)
            {
                journal.append(Payment.CODEC, payment.set(i % 7, i, i), i, ingestTimeNs);
            }
            journal.appendEndOfStream(ingestTimeNs);
        }
    }

    /** A one-stage pass-through; the callback keeps the runtime {@code runtime()} shows while it runs. */
    private DurablePipeline<Payment, Payment> pipeline(
        final boolean stepped, final IngestClock clock, final AtomicReference<PipelineRuntime<Payment>> seen)
    {
        final AtomicReference<DurablePipeline<Payment, Payment>> self = new AtomicReference<>();
        final DurablePipeline.Builder<Payment, Payment> builder = DurablePipeline.<Payment, Payment>builder("latency-test-v1")
            .input(dir.resolve("input"), Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), Payment.CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .checkpointEvery(50, 10_000)
            .stepped(stepped)
            .callback((record, timestamp, sequence, ordinal) ->
            {
                final PipelineRuntime<Payment> runtime = self.get().runtime();
                assertThat(runtime).as("runtime() while run() runs").isNotNull();
                seen.compareAndSet(null, runtime);
                assertThat(runtime).isSameAs(seen.get());
            })
            .plan((source, sink) -> Pipeline.from(source).filter("all", p -> true).to(sink));
        if (null != clock)
        {
            builder.latencyFrom(clock);
        }
        self.set(builder.build());
        return self.get();
    }
}
