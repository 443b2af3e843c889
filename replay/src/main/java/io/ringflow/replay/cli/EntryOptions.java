package io.ringflow.replay.cli;

import io.ringflow.journal.durable.PipelineDefinition;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The options {@code journal dump} and {@code journal tail} share: how to decode, how to print, which key.
 * <p>
 * Threading: confined to one command's thread.
 */
final class EntryOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--pipeline", paramLabel = "<class>",
        description = "A PipelineDefinition class (public, no-argument constructor, on the classpath): decode " +
            "records with its input or output codec and show their fields as JSON, and their key.")
    private String pipelineClass;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "jsonl",
        description = "jsonl (one JSON object per line, the default) or table.")
    private EntryFormat format;

    @Option(names = "--key", paramLabel = "<key>",
        description = "Only records with this key (inputKey() or outputKey() of the --pipeline); " +
            "leaves control entries out.")
    private Long key;

    /** @return the key asked for, or null. */
    Long key()
    {
        return key;
    }

    /**
     * Check the options against each other, then load the pipeline if one was named.
     *
     * @return the pipeline, or null.
     * @throws ParameterException for --key without --pipeline.
     * @throws BadInputException  if the pipeline class cannot be loaded.
     */
    PipelineDefinition<?, ?> pipeline()
    {
        if (null != key && null == pipelineClass)
        {
            throw new ParameterException(spec.commandLine(), "--key needs --pipeline, whose key selector reads keys");
        }
        return null == pipelineClass ? null : PipelineLoader.load(pipelineClass);
    }

    /**
     * @param pipeline the pipeline {@link #pipeline()} returned.
     * @param filter   selects entries.
     * @return the writer for the command's entries, printing to its output.
     */
    EntryWriter writer(final PipelineDefinition<?, ?> pipeline, final EntryFilter filter)
    {
        final PrintWriter out = spec.commandLine().getOut();
        return new EntryWriter(pipeline, filter, new EntryPrinter(format, out, null != pipeline));
    }
}
