package io.ringflow.examples;

import io.ringflow.pipeline.WaitStrategy;

/**
 * Command-line options of the velocity demo: {@code --duration SECONDS --rate RECORDS_PER_S --cards N --seed N
 * --threshold N}. An unknown option or a bad value is rejected with a message naming it. The value
 * parsers are shared with the other demos. Threading: one thread.
 */
public final class DemoOptions
{
    long durationSeconds = 30;
    long ratePerSecond = 100_000;
    int cards = 10_000;
    long seed = 42;
    long threshold = 8;
    long warmupSeconds = -1;   // default: a third of the duration, at most 5 s
    WaitStrategy waitStrategy = WaitStrategy.BUSY_SPIN;

    static DemoOptions parse(final String[] args)
    {
        final DemoOptions options = new DemoOptions();
        forEachOption(args, usage(), (name, value) ->
        {
            switch (name)
            {
                case "--duration":
                    options.durationSeconds = positive(name, value);
                    break;
                case "--rate":
                    options.ratePerSecond = positive(name, value);
                    break;
                case "--cards":
                    options.cards = (int)Math.min(Integer.MAX_VALUE, positive(name, value));
                    break;
                case "--seed":
                    options.seed = number(name, value);
                    break;
                case "--threshold":
                    options.threshold = positive(name, value);
                    break;
                case "--warmup":
                    options.warmupSeconds = number(name, value);
                    if (options.warmupSeconds < 0)
                    {
                        throw new UsageException("option --warmup must be >= 0, was " + value);
                    }
                    break;
                case "--wait":
                    options.waitStrategy = waitStrategy(value);
                    break;
                default:
                    return false;
            }
            return true;
        });
        return options;
    }

    /** @return seconds at the start whose latency the summary leaves out (JIT compilation, first growth). */
    long warmupSeconds()
    {
        if (warmupSeconds >= 0)
        {
            if (warmupSeconds >= durationSeconds)
            {
                throw new UsageException("option --warmup " + warmupSeconds + " must be shorter than --duration " +
                    durationSeconds);
            }
            return warmupSeconds;
        }
        return Math.min(5, durationSeconds / 3);
    }

    /**
     * @param value a wait strategy's name, in lower case with dashes.
     * @return the strategy.
     * @throws UsageException naming the choices.
     */
    public static WaitStrategy waitStrategy(final String value)
    {
        for (final WaitStrategy strategy : WaitStrategy.values())
        {
            if (strategy.name().replace('_', '-').equalsIgnoreCase(value))
            {
                return strategy;
            }
        }
        throw new UsageException("option --wait must be one of busy-spin, yielding, sleeping, blocking; was " + value);
    }

    static String usage()
    {
        return "usage: ringflow demo [--duration SECONDS (30)] [--rate RECORDS_PER_S (100000)] [--cards N (10000)]" +
            " [--seed N (42)] [--threshold PAYMENTS_PER_MINUTE (8)] [--warmup SECONDS (duration/3, at most 5)]" +
            " [--wait busy-spin|yielding|sleeping|blocking (busy-spin: the stage thread owns a core)]";
    }

    /**
     * @param name  the option.
     * @param value its value.
     * @return the value, a whole number above zero.
     * @throws UsageException naming the option and the value.
     */
    public static long positive(final String name, final String value)
    {
        final long parsed = number(name, value);
        if (parsed <= 0)
        {
            throw new UsageException("option " + name + " must be > 0, was " + value);
        }
        return parsed;
    }

    /**
     * @param name  the option.
     * @param value its value.
     * @return the value, a whole number (underscores allowed).
     * @throws UsageException naming the option and the value.
     */
    public static long number(final String name, final String value)
    {
        try
        {
            return Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException("option " + name + " needs a whole number, was '" + value + "'");
        }
    }

    /**
     * Walk a command line of {@code --name value} pairs, handing each to {@code option}: {@code --help} or
     * {@code -h}, a name without a value, and a name {@code option} does not know all end in a
     * {@link UsageException} carrying {@code usage}.
     *
     * @param args   the command line.
     * @param usage  the usage text.
     * @param option takes one option; returns false for a name it does not know.
     * @throws UsageException naming what is wrong.
     */
    public static void forEachOption(final String[] args, final String usage, final Option option)
    {
        for (int i = 0; i < args.length; i++)
        {
            final String name = args[i];
            if ("--help".equals(name) || "-h".equals(name))
            {
                throw new UsageException(usage);
            }
            if (i + 1 >= args.length)
            {
                throw new UsageException("option " + name + " needs a value\n" + usage);
            }
            if (!option.take(name, args[++i]))
            {
                throw new UsageException("unknown option " + name + "\n" + usage);
            }
        }
    }

    /** One {@code --name value} option of a demo's command line. */
    @FunctionalInterface
    public interface Option
    {
        /**
         * @param name  the option, with its dashes.
         * @param value its value.
         * @return false if the option is unknown.
         * @throws UsageException if the value is wrong.
         */
        boolean take(String name, String value);
    }

    /** A bad command line: the message is for the user, no stack trace. */
    public static final class UsageException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong, and the usage. */
        public UsageException(final String message)
        {
            super(message);
        }
    }
}
