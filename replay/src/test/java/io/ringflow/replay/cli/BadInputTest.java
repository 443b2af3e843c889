package io.ringflow.replay.cli;

import io.ringflow.journal.InputJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gives one line on stderr, naming the command and the problem, nothing on stdout,
 * and exit code 2 (usage) or 3 (bad input); a stack trace only with --verbose.
 */
class BadInputTest
{
    private static final String PIPELINE = TestPipeline.class.getName();
    private static final long MARKER = 0x0BADC0FFEE15BEEFL;

    @TempDir
    Path dir;

    private Path input;
    private long[] sequences;

    @BeforeEach
    void writeJournal()
    {
        input = dir.resolve("input");
        sequences = TestJournals.writeInput(input);
    }

    @Test
    void shouldRejectAMissingDirectory()
    {
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal info: no journal at <tmp>/missing: no such directory",
            "journal", "info", dir.resolve("missing").toString());
    }

    @Test
    void shouldRejectADirectoryThatIsNotAJournalAndLeaveItAlone() throws IOException
    {
        final Path notes = Files.createDirectory(dir.resolve("notes"));

        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal dump: no journal at <tmp>/notes: the directory " +
            "holds no Chronicle Queue files (*.cq4, *.cq4t)", "journal", "dump", notes.toString());
        try (var files = Files.list(notes))
        {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldRejectAnUnknownPipelineClass()
    {
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal dump: unknown pipeline class com.acme.Missing: " +
            "not found on the classpath (put its jar or classes directory in RINGFLOW_CLASSPATH)",
            "journal", "dump", input.toString(), "--pipeline", "com.acme.Missing");
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow diff: pipeline class java.lang.String does not implement " +
            "io.ringflow.journal.durable.PipelineDefinition",
            "diff", input.toString(), input.toString(), "--pipeline", "java.lang.String");
    }

    @Test
    void shouldRejectASequenceOutOfRange()
    {
        final long beyond = sequences[6] + 1;
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal dump: journal <tmp>/input has no entry at " +
            "sequence <c>+193 (0x" + Long.toHexString(beyond) + "): it holds 7 entries from <c>+0 to <c>+192",
            "journal", "dump", input.toString(), "--from-seq", Long.toString(beyond));
    }

    @Test
    void shouldRejectRecordsOfAnotherSchemaVersion()
    {
        final Path newer = dir.resolve("newer");
        TestJournals.writeInput(newer, new Order.Codec(2));

        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal dump: journal <tmp>/newer at sequence <c>+0 (0x" +
            Long.toHexString(sequences[0]) + ") holds a record of schema id 20306 version 2; the codec given " +
            "reads schema id 20306 version 1: refusing to decode it",
            "journal", "dump", newer.toString(), "--pipeline", PIPELINE);
    }

    @Test
    void shouldRejectACorruptEntry() throws IOException
    {
        final Path corrupt = dir.resolve("corrupt");
        final long sequence;
        try (InputJournal journal = new InputJournal(corrupt))
        {
            journal.append(Order.CODEC, new Order().set(1, 1, 1, Order.Side.BUY), 1, 1);
            sequence = journal.append(Order.CODEC, new Order().set(MARKER, 2, 2, Order.Side.BUY), 2, 2);
        }
        flipFirstByteOf(corrupt, MARKER);

        final CliResult result = CliResult.run("journal", "info", corrupt.toString());

        assertThat(result.exitCode).isEqualTo(RingflowCli.EXIT_BAD_INPUT);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines()).hasSize(1);
        assertThat(result.err).startsWith("ringflow journal info: corrupt journal " + corrupt + " at sequence " + sequence)
            .contains("checksum mismatch");
    }

    @Test
    void shouldRejectAnInputJournalWhereAnOutputJournalIsCompared()
    {
        final Path output = dir.resolve("output");
        TestJournals.writeOutput(output, sequences, -1);

        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow diff: <tmp>/input is an input journal: diff compares " +
            "output journals", "diff", output.toString(), input.toString());
    }

    @Test
    void shouldRejectAKeyFilterThePipelineCannotApply()
    {
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow journal dump: pipeline class " +
            KeylessTestPipeline.class.getName() + " defines no input key (its inputKey() returns null), so --key " +
            "cannot select records of an input journal",
            "journal", "dump", input.toString(), "--pipeline", KeylessTestPipeline.class.getName(), "--key", "7");
    }

    @Test
    void shouldRejectAMissingOrForeignCountersFile() throws IOException
    {
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow stat: counters file <tmp>/none.dat: missing (no such " +
            "regular file)", "stat", dir.resolve("none.dat").toString());
        final Path foreign = Files.write(dir.resolve("foreign.dat"), new byte[256]);
        assertOneLine(RingflowCli.EXIT_BAD_INPUT, "ringflow stat: counters file <tmp>/foreign.dat: bad magic 0x0, " +
            "expected 0x54434652 (not a Ringflow counters file, or its writer is still creating it)",
            "stat", foreign.toString());
    }

    @Test
    void shouldReportUsageErrorsWithExitCode2()
    {
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow journal dump: --key needs --pipeline, whose key selector " +
            "reads keys (see 'ringflow journal dump --help')", "journal", "dump", input.toString(), "--key", "7");
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow journal dump: Unknown option: '--bogus' (see 'ringflow " +
            "journal dump --help')", "journal", "dump", input.toString(), "--bogus");
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow journal dump: --from-seq 9 is after --to-seq 3 (see " +
            "'ringflow journal dump --help')", "journal", "dump", input.toString(), "--from-seq", "9", "--to-seq", "3");
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow: missing command: journal, replay, state, diff or stat (see 'ringflow " +
            "--help')");
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow: Unmatched argument at index 0: 'replays' (see 'ringflow " +
            "--help')", "replays");
        assertOneLine(RingflowCli.EXIT_USAGE, "ringflow replay: Missing required parameter: '<journal>' (see " +
            "'ringflow replay --help')", "replay");

        final CliResult badFormat = CliResult.run("journal", "dump", input.toString(), "--format", "xml");
        assertThat(badFormat.exitCode).isEqualTo(RingflowCli.EXIT_USAGE);
        assertThat(badFormat.err.lines()).hasSize(1);
        assertThat(badFormat.err).startsWith("ringflow journal dump: Invalid value for option '--format'");
        final CliResult badDuration = CliResult.run("journal", "tail", input.toString(), "--for", "soon");
        assertThat(badDuration.exitCode).isEqualTo(RingflowCli.EXIT_USAGE);
        assertThat(badDuration.err).contains("'soon' is not a duration");
    }

    @Test
    void shouldPrintTheStackTraceOnlyWithVerbose()
    {
        final String[] args = {"journal", "info", dir.resolve("missing").toString()};
        final CliResult quiet = CliResult.run(args);
        final CliResult verbose = CliResult.run("--verbose", args[0], args[1], args[2]);
        final CliResult verboseLater = CliResult.run(args[0], args[1], args[2], "--verbose");

        assertThat(quiet.err.lines()).hasSize(1);
        assertThat(verbose.exitCode).isEqualTo(RingflowCli.EXIT_BAD_INPUT);
        assertThat(verbose.err).startsWith(quiet.err).contains("io.ringflow.journal.JournalException", "\tat ");
        assertThat(verboseLater.err).startsWith(quiet.err).contains("\tat ");
    }

    private void assertOneLine(final int exitCode, final String line, final String... args)
    {
        final CliResult result = CliResult.run(args);
        assertThat(result.exitCode).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.out).as(result.toString()).isEmpty();
        assertThat(CliResult.normalised(result.err, dir, sequences[0])).isEqualTo(line + "\n");
    }

    /** Flip the lowest bit of the first little-endian occurrence of {@code marker} in the journal's .cq4 file. */
    private static void flipFirstByteOf(final Path journal, final long marker) throws IOException
    {
        final Path file;
        try (var files = Files.list(journal))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            // Chronicle files are sparse and mostly empty: the marker is near the start
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, 1 << 20);
            map.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i + Long.BYTES <= map.limit(); i++)
            {
                if (map.getLong(i) == marker)
                {
                    map.put(i, (byte)(map.get(i) ^ 0x01));
                    map.force();
                    return;
                }
            }
        }
        throw new AssertionError("marker not found in " + file);
    }
}
