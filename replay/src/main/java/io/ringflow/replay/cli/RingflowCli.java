package io.ringflow.replay.cli;

import io.ringflow.journal.JournalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@code ringflow} command line: {@code journal info|dump|tail}, {@code replay}, {@code state},
 * {@code diff} and {@code stat}. Only {@code replay --out} writes (a new output journal); no command writes
 * to an existing journal or a counters file. Formats and exit codes are documented
 * in {@code docs/CLI.md} and stay stable.
 * <p>
 * Errors: a usage error (unknown command or option, a bad option value) and bad input (a missing or
 * non-journal directory, an unknown pipeline class, a sequence out of range, another schema version, a
 * corrupt entry) each print one line to stderr, prefixed with the command, and return
 * {@link #EXIT_USAGE} or {@link #EXIT_BAD_INPUT}; {@code --verbose} adds the stack trace.
 * <p>
 * Threading: {@link #run} on one thread at a time per output stream; each call builds its own commands.
 */
@Command(
    name = "ringflow",
    mixinStandardHelpOptions = true,
    versionProvider = RingflowCli.Version.class,
    description = "Inspect Ringflow journals and running pipelines, replay journals, travel in time. Only " +
        "replay --out writes (a new output journal); nothing else writes anything.",
    subcommands = {JournalCommand.class, ReplayCommand.class, StateCommand.class, DiffCommand.class, StatCommand.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success; for diff: the journals are equal",
        "1:diff: the journals differ; replay --verify: the replay diverged from the recorded output",
        "2:usage error: unknown command or option, bad or conflicting option values",
        "3:bad input: missing or non-journal directory, unknown pipeline class, sequence out of range, " +
            "another schema version, corrupt entry, unreadable counters file"},
    footer = {"", "Run 'ringflow <command> --help' for a command's options. Formats: docs/CLI.md."})
public final class RingflowCli implements Callable<Integer>
{
    /** Success; for {@code diff}, the journals are equal. */
    public static final int EXIT_OK = 0;
    /** {@code diff} found a difference. */
    public static final int EXIT_DIFFERENT = 1;
    /** The command line could not be understood. */
    public static final int EXIT_USAGE = 2;
    /** The input could not be read as asked: missing, foreign, corrupt, out of range. */
    public static final int EXIT_BAD_INPUT = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On errors, print the stack trace too.")
    private boolean verbose;

    private RingflowCli()
    {
    }

    /**
     * Run the command line, as {@code main} does, with {@link KeyStateInspector#NOT_BUILT}.
     *
     * @param args the arguments after {@code ringflow}.
     * @param out  where results go.
     * @param err  where errors go.
     * @return the exit code.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        return run(args, out, err, KeyStateInspector.NOT_BUILT);
    }

    /**
     * Run the command line with a given way to name the state of a diverging key in {@code diff}.
     *
     * @param args      the arguments after {@code ringflow}.
     * @param out       where results go.
     * @param err       where errors go.
     * @param inspector what {@code diff} asks for the state of the key involved.
     * @return the exit code.
     */
    public static int run(
        final String[] args, final PrintStream out, final PrintStream err, final KeyStateInspector inspector)
    {
        Objects.requireNonNull(inspector, "inspector");
        final PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        final PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        final CommandLine commandLine = new CommandLine(new RingflowCli(), new Factory(inspector, out))
            .setOut(outWriter)
            .setErr(errWriter)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(RingflowCli::onUsageError)
            .setExecutionExceptionHandler(RingflowCli::onExecutionError);
        try
        {
            return commandLine.execute(args);
        }
        finally
        {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing command: journal, replay, state, diff or stat");
    }

    private static int onUsageError(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final String command = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(command + ": " + oneLine(ex.getMessage()) + " (see '" + command + " --help')");
        // the parse failed, so its result may not hold the option: look at the words themselves
        if (Arrays.asList(args).contains("--verbose"))
        {
            ex.printStackTrace(commandLine.getErr());
        }
        return EXIT_USAGE;
    }

    private static int onExecutionError(final Exception ex, final CommandLine commandLine, final ParseResult parsed)
    {
        final String command = commandLine.getCommandSpec().qualifiedName();
        final boolean known = ex instanceof BadInputException || ex instanceof JournalException;
        final String message = known ? ex.getMessage() : ex.getClass().getName() + ": " + ex.getMessage();
        commandLine.getErr().println(command + ": " + oneLine(message));
        if (isVerbose(parsed))
        {
            ex.printStackTrace(commandLine.getErr());
        }
        return EXIT_BAD_INPUT;
    }

    private static boolean isVerbose(final ParseResult parsed)
    {
        // --verbose is inherited: it may have been given to any command on the path to the one that ran.
        for (ParseResult level = parsed; null != level; level = level.subcommand())
        {
            if (level.hasMatchedOption("--verbose"))
            {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(final String message)
    {
        return String.valueOf(message).replace("\r", "").replace("\n", "; ");
    }

    /** Makes the commands that need more than a no-argument constructor. */
    private static final class Factory implements CommandLine.IFactory
    {
        private final KeyStateInspector inspector;
        private final PrintStream out;

        Factory(final KeyStateInspector inspector, final PrintStream out)
        {
            this.inspector = inspector;
            this.out = out;
        }

        @Override
        public <K> K create(final Class<K> type) throws Exception
        {
            if (DiffCommand.class == type)
            {
                return type.cast(new DiffCommand(inspector));
            }
            if (ReplayCommand.class == type)
            {
                return type.cast(new ReplayCommand(Terminal.isInteractive(out)));
            }
            if (StatCommand.class == type)
            {
                return type.cast(new StatCommand(Terminal.isInteractive(out)));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version {@code --version} prints: the replay module's, from its jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String version = RingflowCli.class.getPackage().getImplementationVersion();
            return new String[]{"ringflow " + (null == version ? "(development build)" : version)};
        }
    }
}
