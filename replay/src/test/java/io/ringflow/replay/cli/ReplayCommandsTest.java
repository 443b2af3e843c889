package io.ringflow.replay.cli;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.operators.window.WindowAssigner;
import io.ringflow.operators.window.Windows;
import io.ringflow.replay.TxnAccess;
import io.ringflow.replay.VelocityDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringflow replay}, {@code state} and {@code diff --input} over a journal recorded by a durable run
 * with checkpoints.
 */
class ReplayCommandsTest
{
    private static final String PIPELINE = VelocityDefinition.class.getName();
    private static final int RECORDS = 6_000;

    @TempDir
    static Path dir;
    private static Path input;
    private static Path recorded;
    private static Path checkpoints;
    private static final List<Long> SEQUENCES = new ArrayList<>();

    @BeforeAll
    static void record()
    {
        input = dir.resolve("input");
        final Random random = new Random(11);
        try (InputJournal journal = new InputJournal(input))
        {
            final io.ringflow.replay.Txn txn = TxnAccess.newTxn();
            for (int i = 0; i < RECORDS; i++)
            {
                TxnAccess.set(txn, random.nextInt(50), i / 3 + random.nextInt(15), random.nextInt(1_000) - 10);
                SEQUENCES.add(journal.append(TxnAccess.CODEC, txn, TxnAccess.time(txn), i));
            }
            journal.appendEndOfStream(RECORDS);
        }
        recorded = dir.resolve("recorded");
        checkpoints = dir.resolve("checkpoints");
        DurablePipeline.builder(new VelocityDefinition()).input(input).output(recorded)
            .checkpoints(checkpoints, 100).checkpointEvery(1_000, 60_000).stepped(true).build().run();
    }

    @Test
    void shouldReplayAndVerifyAgainstTheRecordedOutput()
    {
        final CliResult result = CliResult.run("replay", input.toString(), "--pipeline", PIPELINE, "--verify", recorded.toString());

        assertThat(result.exitCode).as(result.toString()).isEqualTo(RingflowCli.EXIT_OK);
        assertThat(result.out).contains("stopped: end of stream").contains("after " + RECORDS + " records")
            .containsPattern("outputs: 0 delivered, \\d+ equal to " + recorded.toString().replace("\\", "\\\\"))
            .contains("windows");
        assertThat(result.err).isEmpty();
    }

    @Test
    void shouldWriteAnOutputJournalThatDiffFindsEqualToTheRecordedOne()
    {
        final Path out = dir.resolve("replayed-" + System.nanoTime());
        final CliResult replay = CliResult.run("replay", input.toString(), "--pipeline", PIPELINE, "--out", out.toString());
        assertThat(replay.exitCode).as(replay.toString()).isEqualTo(RingflowCli.EXIT_OK);

        final CliResult diff = CliResult.run("diff", recorded.toString(), out.toString());
        assertThat(diff.exitCode).as(diff.toString()).isEqualTo(RingflowCli.EXIT_OK);
        assertThat(diff.out).startsWith("equal: ");

        final CliResult again = CliResult.run("replay", input.toString(), "--pipeline", PIPELINE, "--out", out.toString());
        assertThat(again.exitCode).isEqualTo(RingflowCli.EXIT_BAD_INPUT);
        assertThat(again.err).contains("is not empty").doesNotContain("\tat ");
    }

    @Test
    void shouldStopBeforeTheNextRecordOfAKeyAndShowItsState()
    {
        final CliResult result = CliResult.run("replay", input.toString(), "--pipeline", PIPELINE,
            "--checkpoints", checkpoints.toString(), "--from-seq", String.valueOf(SEQUENCES.get(3_500)),
            "--break-key", "17", "--key", "17");

        assertThat(result.exitCode).as(result.toString()).isEqualTo(RingflowCli.EXIT_OK);
        assertThat(result.out).contains("restored checkpoint 3 at input sequence " + SEQUENCES.get(2_999))
            .contains("stopped: breakpoint").contains("next: input sequence").contains("\"card\":17")
            .contains("key 17:").contains("windows: window 'velocity': key 17");
    }

    @Test
    void shouldTravelToASequenceWithTheSameStateWithOrWithoutCheckpoints()
    {
        final String at = String.valueOf(SEQUENCES.get(4_444));
        final CliResult viaCheckpoint = CliResult.run("state", input.toString(), "--pipeline", PIPELINE,
            "--checkpoints", checkpoints.toString(), "--at", at, "--key", "17");
        final CliResult fromStart = CliResult.run("state", input.toString(), "--pipeline", PIPELINE, "--at", at, "--key", "17");

        assertThat(viaCheckpoint.exitCode).as(viaCheckpoint.toString()).isEqualTo(RingflowCli.EXIT_OK);
        assertThat(viaCheckpoint.out).contains("restored checkpoint 4 (input sequence " + SEQUENCES.get(3_999) +
            "), then replayed 445 records");
        assertThat(fromStart.out).contains("replayed 4445 records from the journal's start");
        assertThat(stateLines(viaCheckpoint.out)).isEqualTo(stateLines(fromStart.out)).isNotEmpty();
    }

    @Test
    void shouldNameTheDivergingKeysStateByTimeTravel() throws Exception
    {
        final Path changed = dir.resolve("changed-" + System.nanoTime());
        DurablePipeline.builder(new VelocityDefinition()
        {
            @Override
            protected WindowAssigner windows()
            {
                return Windows.sliding(100, 25);
            }
        }).input(input).output(changed).checkpoints(Files.createTempDirectory(dir, "cp"), 2).stepped(true).build().run();

        final CliResult result = CliResult.run("diff", recorded.toString(), changed.toString(), "--pipeline", PIPELINE,
            "--input", input.toString(), "--checkpoints", checkpoints.toString());

        assertThat(result.exitCode).as(result.toString()).isEqualTo(RingflowCli.EXIT_DIFFERENT);
        assertThat(result.out).containsPattern("state +of key \\d+ before input sequence \\d+: windows: window 'velocity'");
    }

    @Test
    void shouldRefuseASequenceOutsideTheJournalInOneLine()
    {
        final CliResult result = CliResult.run("state", input.toString(), "--pipeline", PIPELINE, "--at", "5");

        assertThat(result.exitCode).isEqualTo(RingflowCli.EXIT_BAD_INPUT);
        assertThat(result.err).startsWith("ringflow state: input sequence 5 is out of range").hasLineCount(1);
    }

    private static List<String> stateLines(final String out)
    {
        return out.lines().filter(line -> line.startsWith("  ") || line.startsWith("key ")).toList();
    }
}
