package io.ringflow.perf.latency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's command line, parsed and validated once: {@code --name value} or {@code --name=value}. A bad
 * option throws {@link IllegalArgumentException} whose message starts with the option's name.
 */
final class HarnessOptions
{
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: perf/bin/latency [options]",
        "Open-loop, fixed-rate end-to-end latency of each subject, coordinated omission accounted for.",
        "  --rates R1,R2,...       records per second, one run per rate and subject   (default 100000)",
        "  --subjects S1,S2,...    of: " + String.join(", ", Subjects.names()) + "   (default all)",
        "  --warmup-seconds N      paced like the measurement, left out of the figures (default 5)",
        "  --measure-seconds N     measured phase                                      (default 10)",
        "  --capacity N            ring/queue slots, a power of two                    (default 65536)",
        "  --out DIR               HdrHistogram interval logs, <subject>-<rate>[-hiccup].hlog",
        "                          (default " + defaultOut() + ")",
        "  --help                  this text");

    final List<Long> rates = new ArrayList<>(List.of(100_000L));
    final List<String> subjects = new ArrayList<>();
    int warmUpSeconds = 5;
    int measureSeconds = 10;
    int capacity = 1 << 16;
    Path outDir = Path.of(defaultOut());
    boolean help;

    static HarnessOptions parse(final String[] args)
    {
        final HarnessOptions options = new HarnessOptions();
        Subjects.names().forEach(options.subjects::add);
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                options.help = true;
                continue;
            }
            final int equals = arg.indexOf('=');
            final String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!name.startsWith("--"))
            {
                throw new IllegalArgumentException(arg + ": unexpected argument");
            }
            if (equals < 0 && i + 1 >= args.length)
            {
                throw new IllegalArgumentException(name + ": missing value");
            }
            final String value = equals > 0 ? arg.substring(equals + 1) : args[++i];
            options.set(name, value);
        }
        for (final long rate : options.rates)
        {
            if ((double)rate * (options.warmUpSeconds + options.measureSeconds) * 1e9 >= Long.MAX_VALUE)
            {
                throw new IllegalArgumentException("--rates: " + rate + "/s for " +
                    (options.warmUpSeconds + options.measureSeconds) + " s is too many records to pace in nanoseconds");
            }
        }
        return options;
    }

    private void set(final String name, final String value)
    {
        switch (name)
        {
            case "--rates":
                rates.clear();
                for (final String rate : value.split(",", -1))
                {
                    rates.add(positive(name, rate.trim().replace("_", ""), Long.MAX_VALUE));
                }
                break;
            case "--subjects":
                subjects.clear();
                for (final String subject : value.split(",", -1))
                {
                    if (!Subjects.exists(subject.trim()))
                    {
                        throw new IllegalArgumentException(name + ": unknown subject '" + subject.trim() + "', known: " +
                            String.join(", ", Subjects.names()));
                    }
                    subjects.add(subject.trim());
                }
                break;
            case "--warmup-seconds":
                warmUpSeconds = (int)positive(name, value, 3600);
                break;
            case "--measure-seconds":
                measureSeconds = (int)positive(name, value, 3600);
                break;
            case "--capacity":
                capacity = (int)positive(name, value, 1 << 30);
                if (Integer.bitCount(capacity) != 1)
                {
                    throw new IllegalArgumentException(name + ": " + value + " is not a power of two");
                }
                break;
            case "--out":
                outDir = Path.of(value);
                break;
            default:
                throw new IllegalArgumentException(name + ": unknown option (see --help)");
        }
    }

    private static long positive(final String name, final String value, final long max)
    {
        try
        {
            final long parsed = Long.parseLong(value);
            if (parsed >= 1 && parsed <= max)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number from 1 to " + max);
    }

    private static String defaultOut()
    {
        return System.getProperty("ringflow.latency.out", "latency-logs");
    }
}
