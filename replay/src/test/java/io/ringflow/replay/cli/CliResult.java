package io.ringflow.replay.cli;

import io.ringflow.journal.InputJournal;
import net.openhft.chronicle.queue.RollCycle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@link RingflowCli#run}: its exit code, stdout and stderr, with a way to replace values that
 * vary between runs (Chronicle indexes, temporary directories) by stable names for golden comparisons.
 */
final class CliResult
{
    /** Numbers long enough to be a sequence or position of the default roll cycle. */
    private static final Pattern NUMBER = Pattern.compile("\\b\\d{10,19}\\b");

    final int exitCode;
    final String out;
    final String err;

    private CliResult(final int exitCode, final String out, final String err)
    {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliResult run(final String... args)
    {
        return run(KeyStateInspector.NOT_BUILT, args);
    }

    static CliResult run(final KeyStateInspector inspector, final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            exitCode = RingflowCli.run(args, outStream, errStream, inspector);
        }
        return new CliResult(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Replace what varies between runs by stable names: the temporary directory by {@code <tmp>}; every
     * sequence or position in the default roll cycle's given cycle by {@code <c>+n}, n being its sequence number within the cycle
     * (the cycle is the day, so indexes differ from day to day); roll cycle file names by {@code <day>X.cq4};
     * file sizes by {@code <n> bytes}.
     *
     * @param text       output.
     * @param directory  the test's temporary directory.
     * @param firstIndex any index of the journals' cycle.
     * @return the text with these replacements.
     */
    static String normalised(final String text, final Path directory, final long firstIndex)
    {
        final RollCycle rollCycle = InputJournal.DEFAULT_ROLL_CYCLE;
        final int cycle = rollCycle.toCycle(firstIndex);
        final Matcher numbers = NUMBER.matcher(text.replace(directory.toString(), "<tmp>"));
        final StringBuilder result = new StringBuilder();
        while (numbers.find())
        {
            final long value = Long.parseLong(numbers.group());
            final String replacement = value >= 0 && rollCycle.toCycle(value) == cycle ?
                "<c>+" + rollCycle.toSequenceNumber(value) : numbers.group();
            numbers.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        numbers.appendTail(result);
        return result.toString()
            .replaceAll("\\b\\d{8}X\\.cq4\\b", "<day>X.cq4")
            .replaceAll("\\b\\d+ bytes\\b", "<n> bytes");
    }

    @Override
    public String toString()
    {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
