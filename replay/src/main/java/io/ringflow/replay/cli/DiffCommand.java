package io.ringflow.replay.cli;

import io.ringflow.journal.JournalKind;
import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringflow diff <outA> <outB>}: compares two output journals entry by entry, in order, and names the
 * first divergent output. What is compared is what a deterministic re-run must reproduce: the idempotency
 * key (input sequence, ordinal), the event timestamp, the schema and the payload bytes. Positions are not
 * compared: a position is a Chronicle index, which holds the roll cycle, so two identical runs on different
 * days have different positions.
 * <p>
 * The state of the key involved comes from a {@link KeyStateInspector}: time travel over the input journal
 * when {@code --input} is given ({@link TimeTravelInspector}), otherwise a note saying what to give.
 * <p>
 * Threading: runs on the caller's thread.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
        "Compare two output journals entry by entry: idempotency key (input sequence, ordinal), event " +
            "timestamp, schema and payload bytes (not positions, which hold the day's roll cycle).",
        "Prints the first divergent output: its position in each journal, its idempotency key and both " +
            "records (decoded, and their key named, with --pipeline), or which journal ended first. Exit code " +
            "0 if equal, 1 if they differ.",
        "With --input (the input journal both runs read) and --pipeline, it also names the state of the key " +
            "involved just before that input, by time travel: the nearest checkpoint (--checkpoints) restored, " +
            "then a replay up to it."},
    footer = {"", "Example: ringflow diff run1/output run2/output --pipeline com.acme.FraudPipeline"})
final class DiffCommand implements Callable<Integer>
{
    private final KeyStateInspector inspector;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<outA>", description = "The first output journal's directory.")
    private Path journalA;

    @Parameters(index = "1", paramLabel = "<outB>", description = "The second output journal's directory.")
    private Path journalB;

    @Option(names = "--pipeline", paramLabel = "<class>",
        description = "A PipelineDefinition class: decode the divergent records with its output codec and " +
            "name their outputKey().")
    private String pipelineClass;

    @Option(names = "--input", paramLabel = "<journal>",
        description = "The input journal both runs read: name the diverging key's state by time travel.")
    private Path input;

    @Option(names = "--checkpoints", paramLabel = "<dir>",
        description = "With --input: the checkpoints to start the time travel from.")
    private Path checkpoints;

    DiffCommand(final KeyStateInspector inspector)
    {
        this.inspector = inspector;
    }

    @Override
    public Integer call()
    {
        final PipelineDefinition<?, ?> pipeline = null == pipelineClass ? null : PipelineLoader.load(pipelineClass);
        final PrintWriter out = spec.commandLine().getOut();
        try (RawJournalReader readerA = openOutput(journalA); RawJournalReader readerB = openOutput(journalB))
        {
            final RawJournalEntry a = new RawJournalEntry();
            final RawJournalEntry b = new RawJournalEntry();
            long compared = 0;
            while (true)
            {
                final boolean hasA = readerA.next(a);
                final boolean hasB = readerB.next(b);
                requireOutput(hasA, a, journalA);
                requireOutput(hasB, b, journalB);
                if (!hasA && !hasB)
                {
                    out.println("equal: " + compared + (compared == 1 ? " output" : " outputs") + " in each journal");
                    return RingflowCli.EXIT_OK;
                }
                final List<String> differences = hasA && hasB ? differences(a, b) : List.of();
                if (!hasA || !hasB || !differences.isEmpty())
                {
                    final Divergence divergence = new Divergence(pipeline, out);
                    divergence.print(compared, hasA ? readerA : null, a, hasB ? readerB : null, b, differences);
                    divergence.printKeyState(null == input ? inspector : new TimeTravelInspector(input, checkpoints),
                        hasA ? a : b);
                    return RingflowCli.EXIT_DIFFERENT;
                }
                compared++;
            }
        }
    }

    private static RawJournalReader openOutput(final Path directory)
    {
        final RawJournalReader reader = JournalDirectory.open(directory);
        if (JournalKind.INPUT == reader.kind())
        {
            reader.close();
            throw inputJournal(directory);
        }
        return reader;
    }

    private static void requireOutput(final boolean read, final RawJournalEntry entry, final Path directory)
    {
        if (read && JournalKind.OUTPUT != entry.kind())
        {
            throw inputJournal(directory);
        }
    }

    private static BadInputException inputJournal(final Path directory)
    {
        return new BadInputException(directory + " is an input journal: diff compares output journals");
    }

    private static List<String> differences(final RawJournalEntry a, final RawJournalEntry b)
    {
        if (a.inputSequence() == b.inputSequence() && a.ordinal() == b.ordinal() && a.timestamp() == b.timestamp() &&
            a.schemaId() == b.schemaId() && a.schemaVersion() == b.schemaVersion() && a.payloadEquals(b))
        {
            return List.of();
        }
        final List<String> differences = new ArrayList<>(4);
        if (a.inputSequence() != b.inputSequence() || a.ordinal() != b.ordinal())
        {
            differences.add("idempotency key");
        }
        if (a.timestamp() != b.timestamp())
        {
            differences.add("timestamp");
        }
        if (a.schemaId() != b.schemaId() || a.schemaVersion() != b.schemaVersion())
        {
            differences.add("schema");
        }
        if (!a.payloadEquals(b))
        {
            differences.add("payload");
        }
        return differences;
    }
}
