package io.ringflow.pipeline.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class StageCountersTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldKeepTheRingHighWaterMarkWhileOccupancyFollowsTheLastSample()
    {
        final Path path = tempDir.resolve("c.dat");
        try (CountersFile file = CountersFile.create(path, 11, true))
        {
            final StageCounters counters = StageCounters.allocate(file, "s");
            try (CountersFileReader reader = CountersFileReader.open(path))
            {
                counters.recordRingOccupancy(5);
                counters.recordRingOccupancy(100);
                counters.recordRingOccupancy(7);
                counters.publish();

                assertThat(counters.ringHighWaterMark()).isEqualTo(100);
                assertThat(reader.value("s: ring occupancy")).isEqualTo(7);
                assertThat(reader.value("s: ring high-water mark")).isEqualTo(100);
            }
        }
    }

    @Test
    void shouldReportWatermarkLagAsHighestTimestampSeenMinusWatermark()
    {
        final StageCounters counters = StageCounters.disabled("s");
        assertThat(counters.watermarkLag()).as("nothing seen").isZero();

        counters.onEventTimestamp(1_000);
        assertThat(counters.watermarkLag()).as("no watermark yet").isZero();

        counters.onEventTimestamp(1_500);
        counters.onEventTimestamp(1_200);
        counters.onWatermark(1_100);
        assertThat(counters.watermarkLag()).isEqualTo(400);

        counters.onWatermark(2_000);
        assertThat(counters.watermarkLag()).as("watermark ahead of every timestamp").isZero();

        counters.onEventTimestamp(Long.MAX_VALUE);
        counters.onWatermark(Long.MIN_VALUE + 1);
        assertThat(counters.watermarkLag()).as("saturates").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldPublishWatermarkAndLagToTheFile()
    {
        final Path path = tempDir.resolve("w.dat");
        try (CountersFile file = CountersFile.create(path, 11, true))
        {
            final StageCounters counters = StageCounters.allocate(file, "window");
            try (CountersFileReader reader = CountersFileReader.open(path))
            {
                counters.onEventTimestamp(50);
                counters.onWatermark(20);
                counters.onLateRecord();
                counters.onBackpressureWait(300);
                counters.onBackpressureWait(200);
                counters.publish();

                assertThat(reader.value("window: watermark")).isEqualTo(20);
                assertThat(reader.value("window: watermark lag")).isEqualTo(30);
                assertThat(reader.value("window: late records")).isEqualTo(1);
                assertThat(reader.value("window: backpressure waits")).isEqualTo(2);
                assertThat(reader.value("window: backpressure wait ns")).isEqualTo(500);
            }
        }
    }

    @Test
    void shouldCountWithoutAFileWhenDisabled() throws Exception
    {
        try (var files = Files.list(tempDir))
        {
            assertThat(files).isEmpty();
        }
        final StageCounters stage = StageCounters.disabled("s");
        stage.addRecordsIn(3);
        stage.addRecordsOut(2);
        stage.recordRingOccupancy(9);
        stage.onWatermark(5);
        stage.publish();
        assertThat(stage.recordsIn()).isEqualTo(3);
        assertThat(stage.recordsOut()).isEqualTo(2);
        assertThat(stage.watermark()).isEqualTo(5);
        assertThat(stage.stageName()).isEqualTo("s");

        final PipelineCounters pipeline = PipelineCounters.disabled("p");
        pipeline.onAccepted();
        pipeline.onBackPressured();
        assertThat(pipeline.recordsAccepted()).isEqualTo(1);
        assertThat(pipeline.backPressured()).isEqualTo(1);
        assertThat(pipeline.rejectedClosed()).isZero();
        try (var files = Files.list(tempDir))
        {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldNotLosePipelineCountsFromConcurrentProducers() throws Exception
    {
        final PipelineCounters pipeline = PipelineCounters.disabled("p");
        final int producers = 4;
        final int callsPerProducer = 100_000;
        final CountDownLatch start = new CountDownLatch(1);
        final Thread[] threads = new Thread[producers];
        for (int i = 0; i < producers; i++)
        {
            threads[i] = new Thread(() ->
            {
                try
                {
                    start.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int call = 0; call < callsPerProducer; call++)
                {
                    pipeline.onAccepted();
                    pipeline.onAccepted(2);
                    pipeline.onBackPressured();
                    pipeline.onRejectedClosed();
                }
            });
            threads[i].start();
        }
        start.countDown();
        for (final Thread thread : threads)
        {
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
        }

        assertThat(pipeline.recordsAccepted()).isEqualTo(3L * producers * callsPerProducer);
        assertThat(pipeline.backPressured()).isEqualTo((long)producers * callsPerProducer);
        assertThat(pipeline.rejectedClosed()).isEqualTo((long)producers * callsPerProducer);
    }
}
