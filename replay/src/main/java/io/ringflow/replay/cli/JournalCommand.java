package io.ringflow.replay.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ringflow journal}: the commands that read one journal, input or output (the kind is recognised by
 * the records' magic).
 * <p>
 * Threading: one command at a time, on the caller's thread.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Read one journal, input or output (the kind is recognised by its records).",
    subcommands = {InfoCommand.class, DumpCommand.class, TailCommand.class},
    commandListHeading = "%nCommands:%n")
final class JournalCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing command: info, dump or tail");
    }
}
