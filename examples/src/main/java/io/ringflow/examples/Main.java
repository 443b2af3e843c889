package io.ringflow.examples;

import java.util.Arrays;

/**
 * Entry point of the {@code ./ringflow} launcher: {@code demo [velocity] [options]} or
 * {@code quickstart [pipeline|durable]}.
 */
public final class Main
{
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
            System.out.println(DemoOptions.usage());
            return;
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
