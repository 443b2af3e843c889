package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.checkpoint.Checkpoint;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DurablePipeline#checkpointSoon()} takes a checkpoint outside the schedule on a live journal, at the
 * input the feeder had reached, and none when no record came since the last barrier; a stop returns only
 * after the last barrier's checkpoint is committed, even one the schedule sent on the last record.
 */
class CheckpointSoonTest
{
    private static final String PIPELINE = "checkpoint-soon-test-v1";

    @TempDir
    Path dir;

    @Test
    void shouldCheckpointOnRequestAtTheInputReachedAndNotAgainWithoutNewRecords() throws Exception
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            final long lastSequence = append(journal, 100);
            final DurablePipeline<Payment, Payment> pipeline = DurablePipeline.<Payment, Payment>builder(PIPELINE)
                .input(dir.resolve("input"), Payment.CODEC, Payment.TYPE)
                .output(dir.resolve("out"), Payment.CODEC)
                .checkpoints(dir.resolve("cp"), 5)
                .checkpointEvery(Long.MAX_VALUE, Long.MAX_VALUE)   // no scheduled checkpoint at all
                .plan((source, sink) -> Pipeline.from(source).filter("all", p -> true).to(sink))
                .build();
            final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
            awaitRecordsIn(pipeline, running, 100);
            assertThat(committed()).as("nothing is scheduled").isEmpty();

            pipeline.checkpointSoon();
            awaitCommitted(running, 1);
            final Checkpoint first = store().latest(PIPELINE).orElseThrow();
            assertThat(first.inputSequence()).as("the input the feeder had reached").isEqualTo(lastSequence);

            pipeline.checkpointSoon();   // no record since the last barrier: nothing to checkpoint
            final long newest = append(journal, 10);
            awaitRecordsIn(pipeline, running, 110);
            pipeline.checkpointSoon();
            awaitCommitted(running, 2);
            assertThat(committed()).as("one for each request that had records to cover").hasSize(2);
            assertThat(store().latest(PIPELINE).orElseThrow().inputSequence()).isEqualTo(newest);

            pipeline.stop();
            assertThat(running.get(30, TimeUnit.SECONDS).checkpointsCommitted()).isEqualTo(2);
        }
    }

    @Test
    void shouldCommitTheScheduledCheckpointOnTheLastRecordBeforeAStopReturns()
    {
        final long lastSequence;
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            lastSequence = append(journal, 1_000);
        }
        final DurablePipeline<Payment, Payment> pipeline = DurablePipeline.<Payment, Payment>builder(PIPELINE)
            .input(dir.resolve("input"), Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), Payment.CODEC)
            .checkpoints(dir.resolve("cp"), 5)
            .checkpointEvery(1_000, Long.MAX_VALUE)   // the scheduled barrier falls on the last record
            .plan((source, sink) -> Pipeline.from(source).filter("all", p -> true).to(sink))
            .build();
        pipeline.stop();   // asked before: the run stops once it has caught up, with nothing left to checkpoint
        final RecoveryReport report = pipeline.run();
        assertThat(report.checkpointsCommitted()).as("the scheduled barrier's checkpoint, waited for").isEqualTo(1);
        assertThat(store().latest(PIPELINE).orElseThrow().inputSequence()).isEqualTo(lastSequence);
    }

    private static long append(final InputJournal journal, final int records)
    {
        final Payment payment = new Payment();
        long sequence = -1;
        for (int i = 0; i < records; i++)
        {
            sequence = journal.append(Payment.CODEC, payment.set(i % 7, i, i), i, i);
        }
        return sequence;
    }

    private static void awaitRecordsIn(
        final DurablePipeline<Payment, Payment> pipeline, final CompletableFuture<?> running, final long records)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        PipelineRuntime<Payment> runtime = pipeline.runtime();
        while (null == runtime || runtime.stats().get(0).recordsIn() < records)
        {
            assertThat(running).as("run() ended early").isNotDone();
            assertThat(System.nanoTime()).as("the records never arrived").isLessThan(deadline);
            Thread.sleep(1);
            runtime = pipeline.runtime();
        }
    }

    private void awaitCommitted(final CompletableFuture<?> running, final int count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (committed().size() < count)
        {
            assertThat(running).as("run() ended early").isNotDone();
            assertThat(System.nanoTime()).as("the checkpoint never came").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private CheckpointStore store()
    {
        return new CheckpointStore(dir.resolve("cp"), 5);
    }

    private List<Long> committed()
    {
        return store().committedIds();
    }
}
