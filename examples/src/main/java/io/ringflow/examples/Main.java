package io.ringflow.examples;

import io.ringflow.examples.fraud.FraudDemo;
import io.ringflow.examples.fraud.FraudOptions;
import io.ringflow.examples.market.MarketDemo;
import io.ringflow.examples.market.MarketOptions;
import io.ringflow.replay.cli.RingflowCli;

import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of the {@code ./ringflow} launcher: {@code demo [fraud|market|velocity] [options]},
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
            System.out.println("usage: ringflow demo [fraud] [options]      the card-fraud detector, durable, at a fixed rate, live figures");
            System.out.println("       ringflow demo market [options]       market-data analytics: bars, spreads, price moves; latency at a fixed rate");
            System.out.println("       ringflow demo velocity [options]     one velocity rule on the ring runtime, no journal: latency");
            System.out.println("       ringflow quickstart [pipeline|durable [DIR]]  the README's quick starts: an operator chain, a pipeline, or a durable pipeline on journals");
            System.out.println("       ringflow journal info|dump|tail <dir>   what a journal holds, its entries, new entries as they come");
            System.out.println("       ringflow replay <journal> --pipeline C   replay a journal: breakpoints, pacing, verify, state at the stop");
            System.out.println("       ringflow state <journal> --pipeline C --at SEQ   time travel: the state just after an input");
            System.out.println("       ringflow diff <outA> <outB>              the first divergent output of two output journals");
            System.out.println("       ringflow stat <counters-file>            live counters of a running pipeline");
            System.out.println("       (tool commands: options, formats and exit codes with --help, and in docs/CLI.md)");
            System.out.println(FraudOptions.usage());
            System.out.println(MarketOptions.usage());
            System.out.println(DemoOptions.usage().replace("ringflow demo", "ringflow demo velocity"));
            return;
        }
        if (TOOL_COMMANDS.contains(args[0]))
        {
            System.exit(RingflowCli.run(args, System.out, System.err));
        }
        switch (args[0])
        {
            case "demo":
                runDemo(Arrays.copyOfRange(args, 1, args.length));
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

    private static void runDemo(final String[] args)
    {
        final String demo = args.length > 0 && !args[0].startsWith("-") ? args[0] : "fraud";
        final String[] options = demo.equals(args.length > 0 ? args[0] : "") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (demo)
        {
            case "fraud":
                FraudDemo.main(options);
                break;
            case "market":
                MarketDemo.main(options);
                break;
            case "velocity":
                VelocityDemo.main(options);
                break;
            default:
                System.err.println("unknown demo '" + demo + "': available: fraud (the default), market, velocity");
                System.exit(2);
        }
    }
}
