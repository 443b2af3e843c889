package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest
{
    private static final String PIPELINE = TestPipeline.class.getName();

    @TempDir
    Path dir;

    private long[] sequences;
    private Path expected;

    @BeforeEach
    void writeJournals()
    {
        sequences = TestJournals.writeInput(dir.resolve("input"));
        expected = dir.resolve("expected");
        TestJournals.writeOutput(expected, sequences, -1);
    }

    @Test
    void shouldFindEqualJournalsEqual()
    {
        final Path same = dir.resolve("same");
        TestJournals.writeOutput(same, sequences, -1);

        final CliResult result = CliResult.run("diff", expected.toString(), same.toString(), "--pipeline", PIPELINE);

        assertThat(result.exitCode).as(result.toString()).isEqualTo(RingflowCli.EXIT_OK);
        assertThat(result.out).isEqualTo("equal: 4 outputs in each journal\n");
        assertThat(result.err).isEmpty();
    }

    @Test
    void shouldNameTheFirstDivergentOutputItsKeyAndBothRecords()
    {
        final Path diverged = dir.resolve("diverged");
        TestJournals.writeOutput(diverged, sequences, 2);

        final CliResult result = CliResult.run("diff", expected.toString(), diverged.toString(), "--pipeline", PIPELINE);

        assertThat(result.exitCode).as(result.toString()).isEqualTo(RingflowCli.EXIT_DIFFERENT);
        assertThat(result.err).isEmpty();
        assertThat(CliResult.normalised(result.out, dir, sequences[0])).isEqualTo("""
            first difference at output 2 (counting from 0): payload differs
              A         position <c>+2, idempotency key (input sequence <c>+64, ordinal 0), timestamp 1700, schema id 16961 version 1
              B         position <c>+2, idempotency key (input sequence <c>+64, ordinal 0), timestamp 1700, schema id 16961 version 1
              A record  {"account":7,"balanceCents":100,"currency":"EUR"}
              B record  {"account":7,"balanceCents":101,"currency":"EUR"}
              key       7
              state     of key 7 before input sequence <c>+64: not available: give --input <journal> (and --checkpoints <dir>) with --pipeline to find it by time travel to input sequence <c>+64
            """);
    }

    @Test
    void shouldShowPayloadBytesWithoutAPipeline()
    {
        final Path diverged = dir.resolve("diverged");
        TestJournals.writeOutput(diverged, sequences, 0);

        final CliResult result = CliResult.run("diff", expected.toString(), diverged.toString());

        assertThat(result.exitCode).isEqualTo(RingflowCli.EXIT_DIFFERENT);
        assertThat(CliResult.normalised(result.out, dir, sequences[0])).contains(
            "  A record  payload 07000000000000003cf6ffffffffffff\n" +
            "  B record  payload 07000000000000003df6ffffffffffff\n" +
            "  key       unknown: give --pipeline <class> with an outputKey() to name it\n" +
            "  state     of the key before input sequence <c>+0: not available");
    }

    @Test
    void shouldSayWhichJournalEndedFirst()
    {
        final Path shorter = dir.resolve("shorter");
        TestJournals.writeShorterOutput(shorter, sequences);

        final CliResult result = CliResult.run("diff", shorter.toString(), expected.toString(), "--pipeline", PIPELINE);

        assertThat(result.exitCode).isEqualTo(RingflowCli.EXIT_DIFFERENT);
        assertThat(CliResult.normalised(result.out, dir, sequences[0])).startsWith("""
            first difference at output 3 (counting from 0): A ends after 3 outputs, B goes on
              B         position <c>+3, idempotency key (input sequence <c>+128, ordinal 0), timestamp 2100, schema id 16961 version 1
              B record  {"account":9,"balanceCents":-900,"currency":"EUR"}
              key       9
              state     of key 9 before input sequence <c>+128: not available""");
    }

    @Test
    void shouldNameEveryHeaderFieldThatDiffers()
    {
        final Path shifted = dir.resolve("shifted");
        final long[] otherInputs = sequences.clone();
        otherInputs[0] = sequences[2];
        TestJournals.writeOutput(shifted, otherInputs, 0);

        final CliResult result = CliResult.run("diff", expected.toString(), shifted.toString());

        assertThat(result.out).startsWith(
            "first difference at output 0 (counting from 0): idempotency key, payload differ\n");
    }

    @Test
    void shouldAskTheKeyStateInspectorAboutTheDivergentKey()
    {
        final Path diverged = dir.resolve("diverged");
        TestJournals.writeOutput(diverged, sequences, 3);
        final List<String> asked = new ArrayList<>();
        final KeyStateInspector inspector =
            (final PipelineDefinition<?, ?> pipeline, final long inputSequence, final boolean hasKey, final long key) ->
            {
                asked.add(pipeline.id() + " " + (inputSequence == sequences[5]) + " " + hasKey + " " + key);
                return "count=2";
            };

        final CliResult result = CliResult.run(inspector,
            "diff", expected.toString(), diverged.toString(), "--pipeline", PIPELINE);

        assertThat(asked).containsExactly("cli-test-v1 true true 9");
        assertThat(result.out).endsWith(" before input sequence " + sequences[5] + ": count=2\n");
    }
}
