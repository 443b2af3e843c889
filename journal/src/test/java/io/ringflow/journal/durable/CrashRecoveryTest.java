package io.ringflow.journal.durable;

import io.ringflow.journal.OutputJournalEntry;
import io.ringflow.journal.OutputJournalReader;
import io.ringflow.journal.checkpoint.CheckpointStore;
import io.ringflow.operators.window.WindowResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once claim, tested for real: a child JVM runs {@link CrashTestPipeline} from a generated
 * input journal to an output journal and is killed with SIGKILL — at random moments, and exactly inside
 * a checkpoint's commit (after a snapshot file is written, before and after the manifest rename) — and
 * restarted until it has consumed its input. The output journal must then equal, entry for entry, the
 * output of a run that was never killed.
 * <p>
 * Trials and kills per trial are seeded; {@code -Dringflow.crash.trials=N} runs more random trials.
 * {@link PartitionedCrashRecoveryTest} runs the same trials with the windows in key partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest
{
    private static final int RECORDS = 60_000;
    private static final long SEED = 20261126L;
    private static final int KILLS_PER_TRIAL = 3;

    private Path input;
    private List<String> expected;

    /** @return the windows stage's partitions. */
    int partitions()
    {
        return 1;
    }

    /** @return trials of kills at random moments. */
    int randomTrials()
    {
        return Integer.getInteger("ringflow.crash.trials", 4);
    }

    @BeforeAll
    void writeInputAndRunWithoutCrashes(@TempDir final Path shared)
    {
        input = shared.resolve("input");
        CrashTestPipeline.writeInput(input, SEED, RECORDS);
        final Path output = shared.resolve("reference-output");
        final RecoveryReport report = CrashTestPipeline.run(input, output, shared.resolve("reference-checkpoints"),
            CheckpointStore.Hooks.NONE, true, partitions());
        assertThat(report.reachedEndOfStream()).isTrue();
        expected = readOutput(output);
        assertThat(expected).hasSizeGreaterThan(10_000);
    }

    @Test
    void shouldWriteTheSameOutputJournalWhenRunOnThreads(@TempDir final Path dir)
    {
        final RecoveryReport report = CrashTestPipeline.run(input, dir.resolve("out"), dir.resolve("cp"),
            CheckpointStore.Hooks.NONE, false, partitions());
        assertThat(report.outputsAppended()).isEqualTo(expected.size());
        assertThat(readOutput(dir.resolve("out"))).isEqualTo(expected);
    }

    @Test
    void shouldRecoverExactlyAfterSigkillAtRandomMoments(@TempDir final Path dir) throws Exception
    {
        final Random random = new Random(SEED);
        int kills = 0;
        for (int trial = 0; trial < randomTrials(); trial++)
        {
            final Path output = dir.resolve("out-" + trial);
            final Path checkpoints = dir.resolve("cp-" + trial);
            for (int kill = 0; kill < KILLS_PER_TRIAL; kill++)
            {
                final Process child = start(output, checkpoints);
                if (!child.waitFor(300 + random.nextInt(1_700), TimeUnit.MILLISECONDS))
                {
                    child.destroyForcibly().waitFor();
                    kills++;
                }
            }
            runToCompletion(output, checkpoints);
            assertThat(readOutput(output)).as("trial %d", trial).isEqualTo(expected);
        }
        System.out.printf("crash test, %d window partition(s): %d SIGKILLs at random moments survived over %d trials; %d outputs compared per trial%n",
            partitions(), kills, randomTrials(), expected.size());
        assertThat(kills).as("kills that hit a running child").isGreaterThanOrEqualTo(randomTrials());
    }

    @Test
    void shouldRecoverExactlyAfterSigkillInsideACheckpointCommit(@TempDir final Path dir) throws Exception
    {
        final String[] points = {"snapshot", "before-rename", "after-rename"};
        for (int i = 0; i < points.length; i++)
        {
            final Path output = dir.resolve("out-" + points[i]);
            final Path checkpoints = dir.resolve("cp-" + points[i]);
            final Process child = start(output, checkpoints, points[i], String.valueOf(3 + 4 * i));
            final String line = ChildJvm.awaitLine(child, "PAUSED");
            assertThat(line).startsWith("PAUSED " + points[i]);
            child.destroyForcibly().waitFor();
            runToCompletion(output, checkpoints);
            assertThat(readOutput(output)).as("killed at %s", points[i]).isEqualTo(expected);
        }
    }

    private void runToCompletion(final Path output, final Path checkpoints) throws Exception
    {
        final Process child = start(output, checkpoints);
        final String line = ChildJvm.awaitLine(child, "DONE");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(line).isZero();
        assertThat(line).contains("end of stream");
    }

    private Process start(final Path output, final Path checkpoints, final String... pause) throws IOException
    {
        final List<String> arguments = new ArrayList<>(List.of(input.toString(), output.toString(), checkpoints.toString(),
            String.valueOf(partitions())));
        arguments.addAll(List.of(pause));
        return ChildJvm.start(CrashTestPipeline.class, output.getParent(), arguments);
    }

    /** Each output as one comparable line: key, timestamp and the decoded result. */
    static List<String> readOutput(final Path output)
    {
        final List<String> lines = new ArrayList<>();
        try (OutputJournalReader<WindowResult> reader = new OutputJournalReader<>(output, CrashTestPipeline.OUTPUT_CODEC))
        {
            final OutputJournalEntry<WindowResult> entry = reader.newEntry();
            while (reader.next(entry))
            {
                lines.add(entry.inputSequence() + "/" + entry.ordinal() + " t=" + entry.timestamp() + " " + entry.record());
            }
        }
        return lines;
    }
}
