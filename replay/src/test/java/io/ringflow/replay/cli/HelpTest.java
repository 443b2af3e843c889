package io.ringflow.replay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest
{
    @ParameterizedTest
    @ValueSource(strings = {"", "journal", "journal info", "journal dump", "journal tail", "diff", "stat"})
    void shouldPrintHelpForEveryCommand(final String command)
    {
        final String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        final String[] args = Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";

        final CliResult result = CliResult.run(args);

        assertThat(result.exitCode).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out).startsWith("Usage: ringflow" + (command.isEmpty() ? "" : " " + command) + " [-hV]")
            .contains("--verbose");
    }

    @Test
    void shouldDocumentTheExitCodesAtTheTop()
    {
        assertThat(CliResult.run("--help").out).contains("""
            Exit codes:
              0   success; for diff: the journals are equal
              1   diff: the journals differ; replay --verify: the replay diverged from the
                    recorded output
              2   usage error: unknown command or option, bad or conflicting option values
              3   bad input: missing or non-journal directory, unknown pipeline class,""");
    }

    @Test
    void shouldSayInDiffHelpHowToNameTheKeysState()
    {
        assertThat(CliResult.run("diff", "--help").out).contains("With --input (the input journal both runs read)");
    }
}
