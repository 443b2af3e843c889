package io.ringflow.journal.durable;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.window.WindowResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable mode while the input is still being written, the LMAX pattern: a producer appends to the
 * input journal, and the pipeline, tailing it, sees each record only after it is journaled. Stopping
 * checkpoints where it is, and a later run resumes there.
 */
class LiveDurablePipelineTest
{
    private static final int RECORDS = 30_000;
    /**
     * Where the stopped run's journal ends: at an excerpt's end (a multiple of the payments per excerpt), so
     * that the journal written in two parts holds the sequences of one written at once, which the expected
     * outputs' keys name.
     */
    private static final int SPLIT = (RECORDS / 2 / CrashTestPipeline.PAYMENTS_PER_EXCERPT + 11) *
        CrashTestPipeline.PAYMENTS_PER_EXCERPT;
    private static final long SEED = 99;

    @TempDir
    static Path shared;
    private static List<String> expected;

    @BeforeAll
    static void runOverACompleteJournal()
    {
        final Path input = shared.resolve("input");
        CrashTestPipeline.writeInput(input, SEED, RECORDS);
        CrashTestPipeline.run(input, shared.resolve("out"), shared.resolve("cp"), CheckpointStore.Hooks.NONE, true);
        expected = CrashRecoveryTest.readOutput(shared.resolve("out"));
    }

    @Test
    void shouldProcessAJournalWhileItIsWrittenAndEndWithTheSameOutput(@TempDir final Path dir) throws Exception
    {
        final Path input = dir.resolve("input");
        final Random random = new Random(SEED);
        try (InputJournal journal = new InputJournal(input))
        {
            journal.pretouch();
            final DurablePipeline<Payment, WindowResult> pipeline = CrashTestPipeline.durable(
                input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, false);
            final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(pipeline::run);
            for (int from = 0; from < RECORDS; from += 1_000)
            {
                CrashTestPipeline.appendPayments(journal, random, from, from + 1_000);
                Thread.sleep(2);
            }
            journal.appendEndOfStream(RECORDS);
            final RecoveryReport report = running.get(60, TimeUnit.SECONDS);
            assertThat(report.reachedEndOfStream()).isTrue();
            assertThat(report.recordsFed()).isEqualTo(RECORDS);
        }
        assertThat(CrashRecoveryTest.readOutput(dir.resolve("out"))).isEqualTo(expected);
    }

    @Test
    void shouldCheckpointWhereItStopsAndResumeThereLater(@TempDir final Path dir) throws Exception
    {
        final Path input = dir.resolve("input");
        final Random random = new Random(SEED);
        try (InputJournal journal = new InputJournal(input))
        {
            CrashTestPipeline.appendPayments(journal, random, 0, SPLIT);
        }
        final DurablePipeline<Payment, WindowResult> first = CrashTestPipeline.durable(
            input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, false);
        final CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(first::run);
        while (new CheckpointStore(dir.resolve("cp"), 2).committedIds().size() < 2)
        {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        first.stop();
        final RecoveryReport stopped = running.get(60, TimeUnit.SECONDS);
        assertThat(stopped.reachedEndOfStream()).isFalse();
        assertThat(stopped.recordsFed()).isEqualTo(SPLIT);

        try (InputJournal journal = new InputJournal(input))
        {
            CrashTestPipeline.appendPayments(journal, random, SPLIT, RECORDS);
            journal.appendEndOfStream(RECORDS);
        }
        final RecoveryReport resumed = CrashTestPipeline.run(
            input, dir.resolve("out"), dir.resolve("cp"), CheckpointStore.Hooks.NONE, false);

        assertThat(resumed.restoredInputSequence()).as("the stop's own checkpoint, after the last record fed")
            .isGreaterThan(0);
        assertThat(resumed.recordsFed()).isEqualTo(RECORDS - SPLIT);
        assertThat(resumed.outputsVerified()).as("the stop wrote nothing after its checkpoint").isZero();
        assertThat(CrashRecoveryTest.readOutput(dir.resolve("out"))).isEqualTo(expected);
    }
}
