package io.ringflow.examples;

import io.ringflow.replay.cli.RingflowCli;

import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of the {@code ./ringflow} launcher: {@code demo [velocity] [options]},
 * {@code quickstart [pipeline|durable]}, and the tool commands ({@code journal}, {@code replay}, {@code state}, {@code diff}, {@code stat}),
 * which it hands to {@link RingflowCli} with their exit code.
 */
public final class Main
{
    /** Commands {@link RingflowCli} runs. */
    private static final Set<String> TOOL_COMMANDS = Set.of("journal", "replay", "state", "diff", "stat");

    private Main()
    {
    }

    /**
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0]))
        {
            System.out.println("usage: ringflow demo [velocity] [options]   card-velocity fraud rule at a fixed rate, live figures");
            System.out.println("       ringflow quickstart [pipeline|durable [DIR]]  the README's quick starts: an operator chain, a pipeline, or a durable pipeline on journals");
            System.out.println("       ringflow journal info|dump|tail <dir>   what a journal holds, its entries, new entries as they come");
            System.out.println("       ringflow replay <journal> --pipeline C   replay a journal: breakpoints, pacing, verify, state at the stop");
            System.out.println("       ringflow state <journal> --pipeline C --at SEQ   time travel: the state just after an input");
            System.out.println("       ringflow diff <outA> <outB>              the first divergent output of two output journals");
            System.out.println("       ringflow stat <counters-file>            live counters of a running pipeline");
            System.out.println("       (tool commands: options, formats and exit codes with --help, and in docs/CLI.md)");
            System.out.println(DemoOptions.usage());
            return;
        }
        if (TOOL_COMMANDS.contains(args[0]))
        {
            System.exit(RingflowCli.run(args, System.out, System.err));
        }
        switch (args[0])
        {
            case "demo":
                final String[] rest = Arrays.copyOfRange(args, 1, args.length);
                final boolean named = rest.length > 0 && "velocity".equals(rest[0]);
                if (rest.length > 0 && !named && !rest[0].startsWith("-"))
                {
                    System.err.println("unknown demo '" + rest[0] + "': available: velocity (the fraud detector of issue 8 is not built yet)");
                    System.exit(2);
                }
                VelocityDemo.main(named ? Arrays.copyOfRange(rest, 1, rest.length) : rest);
                break;
            case "quickstart":
                if (args.length > 1 && "pipeline".equals(args[1]))
                {
                    PipelineQuickStart.main(new String[0]);
                }
                else if (args.length > 1 && "durable".equals(args[1]))
                {
                    DurableQuickStart.main(Arrays.copyOfRange(args, 2, args.length));
                }
                else
                {
                    QuickStart.main(new String[0]);
                }
                break;
            default:
                System.err.println("unknown command '" + args[0] + "'; try: ringflow --help");
                System.exit(2);
        }
    }
}
