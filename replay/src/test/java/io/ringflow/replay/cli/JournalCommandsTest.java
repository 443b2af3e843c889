package io.ringflow.replay.cli;

import io.ringflow.journal.InputJournal;
import io.ringflow.journal.JournalRetention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden outputs of {@code journal info}, {@code dump} and {@code tail} on small generated journals. The
 * Chronicle indexes in them hold the day, so they are compared as {@code <c>+n} (see
 * {@link CliResult#normalised}).
 */
class JournalCommandsTest
{
    private static final String PIPELINE = TestPipeline.class.getName();

    @TempDir
    Path dir;

    private Path input;
    private Path output;
    private long[] sequences;

    @BeforeEach
    void writeJournals()
    {
        input = dir.resolve("input");
        output = dir.resolve("output");
        sequences = TestJournals.writeInput(input);
        TestJournals.writeOutput(output, sequences, -1);
    }

    @Test
    void shouldDescribeAnInputJournal()
    {
        assertThat(run("journal", "info", input.toString())).isEqualTo("""
            journal      <tmp>/input
            kind         input journal (records 'RFJ1', format version 2)
            entries      7: RECORD 4, WATERMARK 1, PROCESSING_TIME_TICK 1, END_OF_STREAM 1
            schemas      id 20306 version 1: 4 records
            first        sequence <c>+0, RECORD, ingest time 2023-11-14T22:13:20.000000000Z, timestamp 1000
            last         sequence <c>+192, END_OF_STREAM, ingest time 2023-11-14T22:13:20.000000006Z, timestamp 0
            roll cycles  1 file, <n> bytes (Chronicle sizes its files up front; on Linux they are sparse)
                         <day>X.cq4  <n> bytes
            """);
    }

    @Test
    void shouldDescribeAnOutputJournalWithItsFirstAndLastKey()
    {
        assertThat(run("journal", "info", output.toString(), "--pipeline", PIPELINE)).isEqualTo("""
            journal      <tmp>/output
            kind         output journal (records 'RFO1', format version 2)
            entries      4
            schemas      id 16961 version 1: 4 records
            first        position <c>+0, idempotency key (input sequence <c>+0, ordinal 0), timestamp 1000, key 7
            last         position <c>+3, idempotency key (input sequence <c>+128, ordinal 0), timestamp 2100, key 9
            roll cycles  1 file, <n> bytes (Chronicle sizes its files up front; on Linux they are sparse)
                         <day>X.cq4  <n> bytes
            """);
    }

    @Test
    void shouldSayWhenAJournalHoldsNoEntriesYet()
    {
        final Path empty = dir.resolve("empty");
        try (InputJournal journal = new InputJournal(empty))
        {
            journal.pretouch();
        }

        assertThat(run("journal", "info", empty.toString())).startsWith("""
            journal      <tmp>/empty
            kind         unknown: the journal holds no entries yet
            entries      0
            roll cycles  1 file""");
        assertThat(run("journal", "dump", empty.toString())).isEmpty();
    }

    @Test
    void shouldDumpHeadersAndPayloadBytesWithoutAPipeline()
    {
        assertThat(run("journal", "dump", input.toString())).isEqualTo("""
            {"sequence":<c>+0,"type":"RECORD","ingestTimeNs":1700000000000000000,"timestamp":1000,"schemaId":20306,"schemaVersion":1,"payload":"0700000000000000e803000000000000c40900000000000000"}
            {"sequence":<c>+1,"type":"RECORD","ingestTimeNs":1700000000000000001,"timestamp":1200,"schemaId":20306,"schemaVersion":1,"payload":"0900000000000000b004000000000000900100000000000001"}
            {"sequence":<c>+2,"type":"WATERMARK","ingestTimeNs":1700000000000000002,"timestamp":1100}
            {"sequence":<c>+64,"type":"RECORD","ingestTimeNs":1700000000000000003,"timestamp":1700,"schemaId":20306,"schemaVersion":1,"payload":"0700000000000000a406000000000000640000000000000001"}
            {"sequence":<c>+65,"type":"PROCESSING_TIME_TICK","ingestTimeNs":1700000000000000004,"timestamp":5000}
            {"sequence":<c>+128,"type":"RECORD","ingestTimeNs":1700000000000000005,"timestamp":2100,"schemaId":20306,"schemaVersion":1,"payload":"09000000000000003408000000000000840300000000000000"}
            {"sequence":<c>+192,"type":"END_OF_STREAM","ingestTimeNs":1700000000000000006,"timestamp":0}
            """);
    }

    @Test
    void shouldDumpDecodedInputRecordsAsATable()
    {
        final String table = run("journal", "dump", input.toString(), "--pipeline", PIPELINE, "--format", "table");

        // the width of the first column depends on how many digits today's indexes have: compare cells
        assertThat(singleSpaced(table)).isEqualTo("""
            SEQUENCE TYPE INGEST_TIME TIMESTAMP KEY RECORD
            <c>+0 RECORD 2023-11-14T22:13:20.000000000Z 1000 7 account=7 timeMs=1000 amountCents=2500 side="BUY"
            <c>+1 RECORD 2023-11-14T22:13:20.000000001Z 1200 9 account=9 timeMs=1200 amountCents=400 side="SELL"
            <c>+2 WATERMARK 2023-11-14T22:13:20.000000002Z 1100 - -
            <c>+64 RECORD 2023-11-14T22:13:20.000000003Z 1700 7 account=7 timeMs=1700 amountCents=100 side="SELL"
            <c>+65 PROCESSING_TIME_TICK 2023-11-14T22:13:20.000000004Z 5000 - -
            <c>+128 RECORD 2023-11-14T22:13:20.000000005Z 2100 9 account=9 timeMs=2100 amountCents=900 side="BUY"
            <c>+192 END_OF_STREAM 2023-11-14T22:13:20.000000006Z 0 - -
            """);
        assertThat(table.lines().findFirst()).hasValue(
            "SEQUENCE           TYPE                 INGEST_TIME                    TIMESTAMP      KEY          RECORD");
        assertThat(table).contains(
            " PROCESSING_TIME_TICK 2023-11-14T22:13:20.000000004Z 5000           -            -\n");
    }

    @Test
    void shouldDumpDecodedOutputRecordsWithTheirKeyAndIdempotencyKey()
    {
        assertThat(run("journal", "dump", output.toString(), "--pipeline", PIPELINE)).isEqualTo("""
            {"position":<c>+0,"inputSequence":<c>+0,"ordinal":0,"timestamp":1000,"schemaId":16961,"schemaVersion":1,"key":7,"record":{"account":7,"balanceCents":-2500,"currency":"EUR"}}
            {"position":<c>+1,"inputSequence":<c>+1,"ordinal":0,"timestamp":1200,"schemaId":16961,"schemaVersion":1,"key":9,"record":{"account":9,"balanceCents":400,"currency":"EUR"}}
            {"position":<c>+2,"inputSequence":<c>+64,"ordinal":0,"timestamp":1700,"schemaId":16961,"schemaVersion":1,"key":7,"record":{"account":7,"balanceCents":100,"currency":"EUR"}}
            {"position":<c>+3,"inputSequence":<c>+128,"ordinal":0,"timestamp":2100,"schemaId":16961,"schemaVersion":1,"key":9,"record":{"account":9,"balanceCents":-900,"currency":"EUR"}}
            """);
    }

    @Test
    void shouldDumpAnOutputJournalsPayloadsAsATableWithoutAPipeline()
    {
        final String table = run("journal", "dump", output.toString(), "--format", "table");

        assertThat(table.lines()).hasSize(5);
        assertThat(table.lines().findFirst()).hasValue(
            "POSITION           INPUT_SEQUENCE     ORDINAL TIMESTAMP      KEY          PAYLOAD");
        assertThat(table).contains(" 0       1200           -            09000000000000009001000000000000\n");
    }

    @Test
    void shouldSelectBySequenceRangeTimeRangeKeyAndLimit()
    {
        assertThat(sequencesOf(run("journal", "dump", input.toString(),
            "--from-seq", Long.toString(sequences[1]), "--to-seq", Long.toString(sequences[4]))))
            .containsExactly("<c>+1", "<c>+2", "<c>+64", "<c>+65");
        assertThat(sequencesOf(run("journal", "dump", input.toString(), "--from-time", "1200", "--to-time", "2100")))
            .containsExactly("<c>+1", "<c>+64");
        assertThat(sequencesOf(run("journal", "dump", input.toString(), "--pipeline", PIPELINE, "--key", "9")))
            .containsExactly("<c>+1", "<c>+128");
        assertThat(sequencesOf(run("journal", "dump", input.toString(), "--limit", "2")))
            .containsExactly("<c>+0", "<c>+1");
        assertThat(run("journal", "dump", output.toString(), "--pipeline", PIPELINE, "--key", "7",
            "--from-pos", Long.toString(sequences[1]))).startsWith("{\"position\":<c>+2,");
    }

    @Test
    void shouldTailTheLastEntriesThenStopAfterTheGivenTime()
    {
        assertThat(sequencesOf(run("journal", "tail", input.toString(), "-n", "2", "--for", "100ms")))
            .containsExactly("<c>+128", "<c>+192");
    }

    @Test
    void shouldFollowEntriesAppendedWhileTailing() throws Exception
    {
        final CountDownLatch firstLine = new CountDownLatch(1);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream()
        {
            @Override
            public synchronized void write(final byte[] bytes, final int offset, final int length)
            {
                super.write(bytes, offset, length);
                firstLine.countDown();
            }
        };
        final CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> RingflowCli.run(new String[]{
            "journal", "tail", output.toString(), "-n", "1", "--max-entries", "3", "--for", "20s", "--poll-ms", "5"},
            new PrintStream(printed, true, StandardCharsets.UTF_8), System.err));
        assertThat(firstLine.await(20, TimeUnit.SECONDS)).isTrue();

        TestJournals.writeShorterOutput(output, sequences);

        assertThat(tail.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(sequencesOf(CliResult.normalised(printed.toString(StandardCharsets.UTF_8), dir, sequences[0])))
            .containsExactly("<c>+3", "<c>+64", "<c>+65");
    }

    @Test
    void shouldSayAJournalWasTrimmedAndRefuseToReplayItFromItsStart() throws IOException
    {
        // the marker JournalRetention writes before deleting cycles (this journal has one cycle: nothing to delete)
        Files.writeString(input.resolve(JournalRetention.MARKER), "first-retained-sequence=" + sequences[3] + "\n");

        assertThat(run("journal", "info", input.toString())).contains(
            "trimmed      entries before sequence <c>+64 were deleted by retention: replay it from a checkpoint, " +
            "not from its start");
        final CliResult replay = CliResult.run("replay", input.toString(), "--pipeline", PIPELINE);
        assertThat(replay.exitCode).as(replay.toString()).isEqualTo(RingflowCli.EXIT_BAD_INPUT);
        assertThat(CliResult.normalised(replay.err, dir, sequences[0])).startsWith("ringflow replay: ")
            .contains("input journal <tmp>/input was trimmed by retention: entries before sequence <c>+64")
            .contains("start from a checkpoint at or after that sequence");
    }

    private String run(final String... args)
    {
        final CliResult result = CliResult.run(args);
        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.err).as(result.toString()).isEmpty();
        return CliResult.normalised(result.out, dir, sequences[0]);
    }

    private static String singleSpaced(final String text)
    {
        return text.replaceAll(" {2,}", " ");
    }

    private static String[] sequencesOf(final String jsonLines)
    {
        return jsonLines.lines().map(line -> line.replaceAll("^\\{\"(?:sequence|position)\":([^,]+),.*$", "$1"))
            .toArray(String[]::new);
    }
}
