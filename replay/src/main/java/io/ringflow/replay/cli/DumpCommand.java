package io.ringflow.replay.cli;

import io.ringflow.journal.RawJournalEntry;
import io.ringflow.journal.RawJournalReader;
import io.ringflow.journal.durable.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ringflow journal dump <dir>}: a journal's entries, one a line, optionally a range of them.
 * <p>
 * Threading: runs on the caller's thread.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
        "Print a journal's entries, one a line: header fields and the payload as hex, or with --pipeline " +
            "the decoded record's fields as JSON.",
        "Sequence (or position) ranges include both ends; time ranges are [from, to) in the pipeline's own " +
            "event-time unit; --from-time, --to-time and --key select records only."},
    footer = {"", "Example: ringflow journal dump data/input --pipeline com.acme.FraudPipeline --key 42 " +
        "--format table --limit 20"})
final class DumpCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The journal's directory.")
    private Path directory;

    @Mixin
    private EntryOptions entryOptions;

    @Option(names = {"--from-seq", "--from-pos"}, paramLabel = "N",
        description = "Start at this sequence (input journal) or position (output journal); it must exist.")
    private Long fromIndex;

    @Option(names = {"--to-seq", "--to-pos"}, paramLabel = "N", description = "Stop after this sequence or position.")
    private Long toIndex;

    @Option(names = "--from-time", paramLabel = "T", description = "Only records with event time >= T.")
    private Long fromTime;

    @Option(names = "--to-time", paramLabel = "T", description = "Only records with event time < T.")
    private Long toTime;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N entries.")
    private Long limit;

    @Override
    public Integer call()
    {
        validate();
        final PipelineDefinition<?, ?> pipeline = entryOptions.pipeline();
        final EntryFilter filter = new EntryFilter(toIndex, fromTime, toTime, entryOptions.key());
        final EntryWriter writer = entryOptions.writer(pipeline, filter);
        try (RawJournalReader reader = JournalDirectory.open(directory))
        {
            if (null != fromIndex)
            {
                reader.moveTo(fromIndex);
            }
            final long maxEntries = null == limit ? Long.MAX_VALUE : limit;
            final RawJournalEntry entry = new RawJournalEntry();
            long printed = 0;
            while (printed < maxEntries && reader.next(entry) && !filter.isPastEnd(entry))
            {
                if (writer.write(reader, entry))
                {
                    printed++;
                }
            }
        }
        return RingflowCli.EXIT_OK;
    }

    private void validate()
    {
        if (null != fromIndex && null != toIndex && fromIndex > toIndex)
        {
            throw new ParameterException(spec.commandLine(),
                "--from-seq " + fromIndex + " is after --to-seq " + toIndex);
        }
        if (null != fromTime && null != toTime && fromTime >= toTime)
        {
            throw new ParameterException(spec.commandLine(),
                "--from-time " + fromTime + " is not before --to-time " + toTime + " (the range is [from, to))");
        }
        if (null != limit && limit < 0)
        {
            throw new ParameterException(spec.commandLine(), "--limit must not be negative, was " + limit);
        }
    }
}
