package io.ringflow.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeQuickStartTest
{
    @Test
    void shouldPrintOnTimeLateAndEndOfInputFirings()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
            "symbol 7 [0, 1000) ON_TIME: 2 trades, 400 shares",
            "symbol 7 [0, 1000) LATE: 3 trades, 425 shares",
            "symbol 9 [1000, 2000) ON_TIME: 2 trades, 60 shares");
    }

    @Test
    void shouldRunThePipelineQuickStartOnThreadsWithTheSameResults()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PipelineQuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // the odd lot (42 shares) is filtered out in stage 1; end of input fires [1000, 2000) for symbol 9
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
            "symbol 7 [0, 1000) ON_TIME: 2 trades, 400 shares",
            "symbol 9 [1000, 2000) ON_TIME: 2 trades, 300 shares");
    }

    @Test
    void shouldRecoverOnTheSecondDurableRunAndFindEveryOutputJournaledAlready(@TempDir final Path dir)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DurableQuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);

        // barriers after records 2 and 4; the window [0, 1000) fires at record 4, before its barrier
        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("first run:  started from the beginning; fed 5 records; outputs: " +
            "0 already journaled (verified), 3 appended; 2 checkpoints committed; end of stream");
        assertThat(lines.get(1)).matches("second run: restored checkpoint 2 \\(input sequence \\d+\\); fed 1 records; " +
            "outputs: 2 already journaled \\(verified\\), 0 appended; 0 checkpoints committed; end of stream");
        assertThat(lines.subList(2, 5)).satisfiesExactly(
            line -> assertThat(line).matches("input \\d+ #0: symbol 7 \\[0, 1000\\) 2 trades, 400 shares"),
            line -> assertThat(line).matches("input \\d+ #0: symbol 9 \\[1000, 2000\\) 2 trades, 300 shares"),
            line -> assertThat(line).matches("input \\d+ #0: symbol 7 \\[2000, 3000\\) 1 trades, 500 shares"));
    }

    @Test
    void shouldShowInTheReadmeExactlyTheCodeThatRuns() throws IOException
    {
        final String readme = Files.readString(Path.of("../README.md"));
        for (final String[] snippet : new String[][] {
            {"QuickStart.java", "// quickstart:start", "// quickstart:end"},
            {"PipelineQuickStart.java", "// pipeline:start", "// pipeline:end"},
            {"DurableQuickStart.java", "// durable:start", "// durable:end"},
            {"VolumePipeline.java", "// volume:start", "// volume:end"},
            {"fraud/FraudDetector.java", "// fraud:start", "// fraud:end"}})
        {
            final String source = Files.readString(Path.of("src/main/java/io/ringflow/examples/" + snippet[0]));
            assertThat(normalise(between(readme, snippet[1], snippet[2])))
                .as(snippet[0]).isEqualTo(normalise(between(source, snippet[1], snippet[2])));
        }
    }

    private static String between(final String text, final String start, final String end)
    {
        final int from = text.indexOf(start);
        final int to = text.indexOf(end, from);
        assertThat(from).as("marker %s", start).isNotNegative();
        assertThat(to).as("marker %s", end).isPositive();
        return text.substring(from + start.length(), to);
    }

    /** Compare ignoring indentation, which differs between the README and the class body. */
    private static String normalise(final String code)
    {
        return Arrays.stream(code.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
            .collect(Collectors.joining("\n"));
    }
}
