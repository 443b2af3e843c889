package io.ringflow.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    void shouldShowInTheReadmeExactlyTheCodeThatRuns() throws IOException
    {
        final String readme = Files.readString(Path.of("../README.md"));
        for (final String[] snippet : new String[][] {
            {"QuickStart.java", "// quickstart:start", "// quickstart:end"},
            {"PipelineQuickStart.java", "// pipeline:start", "// pipeline:end"}})
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
