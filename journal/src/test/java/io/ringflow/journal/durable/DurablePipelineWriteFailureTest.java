package io.ringflow.journal.durable;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.checkpoint.CheckpointException;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A checkpoint that fails to commit on the coordinator's writer thread fails the durable run, whether
 * the run goes to the end of the stream or is stopping at its own checkpoint, and no later checkpoint
 * commits after it.
 */
class DurablePipelineWriteFailureTest
{
    private static final int RECORDS = 200;
    private static final String INJECTED = "injected: the disk went away";

    @TempDir
    Path dir;

    @Test
    void shouldFailARunWhoseCheckpointFailsToCommitAndCommitNothingAfterIt()
    {
        writeInput(true);
        final DurablePipeline<Payment, Payment> pipeline = builder(failAt(2))
            .stepped(true)
            .checkpointEvery(50, 10_000)
            .build();

        final Throwable failure = catchThrowable(pipeline::run);

        assertThat(failure).as("run() fails").isNotNull();
        assertThat(messages(failure)).contains(INJECTED);
        assertThat(failure.getSuppressed()).as("the failure is reported once, not again by close()").isEmpty();
        assertThat(new CheckpointStore(dir.resolve("cp"), 2).committedIds()).containsExactly(1L);
    }

    @Test
    void shouldNotWaitForeverWhenTheCheckpointItStopsAtFailsToCommit() throws Exception
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            append(journal);
            final DurablePipeline<Payment, Payment> pipeline = builder(failAt(1))
                .checkpointEvery(1_000_000, 1_000_000)   // no barrier but the one stop() sends
                .build();
            final CompletableFuture<?> running = CompletableFuture.runAsync(pipeline::run);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            PipelineRuntime<Payment> runtime = pipeline.runtime();
            while (null == runtime || runtime.stats().get(0).recordsIn() < RECORDS)
            {
                assertThat(running).as("run() ended early").isNotDone();
                assertThat(System.nanoTime()).as("the records never arrived").isLessThan(deadline);
                Thread.sleep(1);
                runtime = pipeline.runtime();
            }
            pipeline.stop();

            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS))
                .as("stop() returns with the failure instead of waiting for a commit that never comes")
                .isInstanceOf(ExecutionException.class)
                .satisfies(ex -> assertThat(messages(ex)).contains(INJECTED)
                    .contains("a checkpoint failed to commit"));
        }
        assertThat(new CheckpointStore(dir.resolve("cp"), 2).committedIds()).isEmpty();
    }

    private DurablePipeline.Builder<Payment, Payment> builder(final CheckpointStore.Hooks hooks)
    {
        return DurablePipeline.<Payment, Payment>builder("write-failure-test-v1")
            .input(dir.resolve("input"), Payment.CODEC, Payment.TYPE)
            .output(dir.resolve("out"), Payment.CODEC)
            .checkpoints(dir.resolve("cp"), 2)
            .hooks(hooks)
            .warnings(warning ->
            {
            })
            .latencyFrom(new IngestClock())
            .plan((source, sink) -> Pipeline.from(source).filter("all", p -> true).to(sink));
    }

    private static CheckpointStore.Hooks failAt(final long failingId)
    {
        return new CheckpointStore.Hooks()
        {
            @Override
            public void beforeManifestRename(final long checkpointId)
            {
                if (checkpointId >= failingId)
                {
                    throw new CheckpointException(INJECTED + " (checkpoint " + checkpointId + ")");
                }
            }
        };
    }

    private void writeInput(final boolean endOfStream)
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input")))
        {
            append(journal);
            if (endOfStream)
            {
                journal.appendEndOfStream(RECORDS);
            }
        }
    }

    private static void append(final InputJournal journal)
    {
        final Payment payment = new Payment();
        for (int i = 0; i < RECORDS; i++)
        {
            journal.append(Payment.CODEC, payment.set(i % 7, i, i), i, i);
        }
    }

    /** Every message in the cause chain and among the suppressed, one per line. */
    private static String messages(final Throwable failure)
    {
        final StringBuilder all = new StringBuilder();
        collect(failure, all, 0);
        return all.toString();
    }

    private static void collect(final Throwable failure, final StringBuilder all, final int depth)
    {
        if (null == failure || depth > 20)
        {
            return;
        }
        all.append(failure).append('\n');
        for (final Throwable suppressed : failure.getSuppressed())
        {
            collect(suppressed, all, depth + 1);
        }
        collect(failure.getCause(), all, depth + 1);
    }
}
