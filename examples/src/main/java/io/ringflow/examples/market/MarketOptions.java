package io.ringflow.examples.market;

import io.ringflow.examples.DemoOptions;
import io.ringflow.examples.DemoOptions.UsageException;
import io.ringflow.pipeline.WaitStrategy;

/**
 * Command-line options of the market demo: {@code --duration SECONDS --rate EVENTS_PER_S --instruments N
 * --seed N --wait STRATEGY}. An unknown option or a bad value is rejected with a message naming it. Parsed
 * once, on the main thread.
 */
public final class MarketOptions
{
    /** More would only presize state for instruments the skew never reaches at demo rates. */
    static final long MAX_INSTRUMENTS = 1_000_000;
    /** A day: longer runs are not what a demo is for. */
    static final long MAX_DURATION_SECONDS = 86_400;
    /** Beyond this the period between events rounds to 0 ns. */
    static final long MAX_RATE = 1_000_000_000;

    long durationSeconds = 20;
    long ratePerSecond = 100_000;
    int instruments = 2_000;
    long seed = 42;
    WaitStrategy waitStrategy = WaitStrategy.BUSY_SPIN;

    /**
     * @param args the command line after {@code demo market}.
     * @return the options.
     * @throws UsageException naming what is wrong.
     */
    public static MarketOptions parse(final String[] args)
    {
        final MarketOptions options = new MarketOptions();
        DemoOptions.forEachOption(args, usage(), (name, value) ->
        {
            switch (name)
            {
                case "--duration":
                    options.durationSeconds = positive(name, value, MAX_DURATION_SECONDS);
                    break;
                case "--rate":
                    options.ratePerSecond = positive(name, value, MAX_RATE);
                    break;
                case "--instruments":
                    options.instruments = (int)positive(name, value, MAX_INSTRUMENTS);
                    break;
                case "--seed":
                    options.seed = DemoOptions.number(name, value);
                    break;
                case "--wait":
                    options.waitStrategy = DemoOptions.waitStrategy(value);
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
        return Math.min(5, durationSeconds / 3);
    }

    /** @return the usage line. */
    public static String usage()
    {
        return "usage: ringflow demo market [--duration SECONDS (20)] [--rate EVENTS_PER_S (100000)]" +
            " [--instruments N (2000)] [--seed N (42)]" +
            " [--wait busy-spin|yielding|sleeping|blocking (busy-spin: the stage thread owns a core)]";
    }

    private static long positive(final String name, final String value, final long max)
    {
        final long parsed = DemoOptions.positive(name, value);
        if (parsed > max)
        {
            throw new UsageException("option " + name + " must be <= " + max + ", was " + value);
        }
        return parsed;
    }
}
