package io.ringflow.examples.fraud;

import io.ringflow.examples.DemoOptions;
import io.ringflow.examples.DemoOptions.UsageException;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.pipeline.WaitStrategy;

import java.nio.file.Path;

/**
 * Command-line options of {@code ringflow demo fraud}. An unknown option or a bad value is rejected with
 * a message naming it. Threading: one thread.
 */
public final class FraudOptions
{
    /** The detector presizes its keyed state for --cards: beyond ten million that is more memory than a demo should take. */
    static final long MAX_CARDS = 10_000_000;

    long durationSeconds = 30;
    long ratePerSecond = 50_000;
    int cards = 10_000;
    long seed = 42;
    Path journalDir;
    long warmupSeconds = -1;
    long checkpointEverySeconds = 10;
    WaitStrategy waitStrategy = WaitStrategy.YIELDING;
    /** 2: the feeder thread runs the detector too (stepped); 3: the detector has a thread of its own. */
    int threads = 2;
    JournalMode journalMode = JournalMode.DURABLE;

    /**
     * @param args the command line after {@code demo fraud}.
     * @return the options.
     * @throws UsageException naming what is wrong.
     */
    public static FraudOptions parse(final String[] args)
    {
        final FraudOptions options = new FraudOptions();
        DemoOptions.forEachOption(args, usage(), (name, value) ->
        {
            switch (name)
            {
                case "--duration":
                    options.durationSeconds = DemoOptions.positive(name, value);
                    break;
                case "--rate":
                    options.ratePerSecond = DemoOptions.positive(name, value);
                    break;
                case "--cards":
                    final long cards = DemoOptions.positive(name, value);
                    if (cards < 100 || cards > MAX_CARDS)
                    {
                        throw new UsageException("option --cards must be >= 100 and <= " + MAX_CARDS + ", was " + value);
                    }
                    options.cards = (int)cards;
                    break;
                case "--seed":
                    options.seed = DemoOptions.number(name, value);
                    break;
                case "--journal-dir":
                    options.journalDir = Path.of(value);
                    break;
                case "--warmup":
                    options.warmupSeconds = DemoOptions.number(name, value);
                    if (options.warmupSeconds < 0)
                    {
                        throw new UsageException("option --warmup must be >= 0, was " + value);
                    }
                    break;
                case "--checkpoint-every":
                    options.checkpointEverySeconds = DemoOptions.positive(name, value);
                    break;
                case "--wait":
                    options.waitStrategy = DemoOptions.waitStrategy(value);
                    break;
                case "--journal-mode":
                    options.journalMode = journalMode(value);
                    break;
                case "--threads":
                    final long threads = DemoOptions.positive(name, value);
                    if (threads != 2 && threads != 3)
                    {
                        throw new UsageException("option --threads must be 2 (generator; feeder running the detector) " +
                            "or 3 (generator; feeder; detector), was " + value);
                    }
                    options.threads = (int)threads;
                    break;
                default:
                    return false;
            }
            return true;
        });
        // checked once every option is read: --warmup may come before --duration
        if (options.warmupSeconds >= options.durationSeconds)
        {
            throw new UsageException("option --warmup must be shorter than --duration " + options.durationSeconds +
                ", was " + options.warmupSeconds);
        }
        return options;
    }

    private static JournalMode journalMode(final String value)
    {
        switch (value)
        {
            case "durable":
                return JournalMode.DURABLE;
            case "fast":
                return JournalMode.FAST;
            default:
                throw new UsageException("option --journal-mode must be durable or fast, was " + value);
        }
    }

    /** @return seconds at the start whose latency the summary leaves out (JIT compilation, recovery). */
    long warmupSeconds()
    {
        return warmupSeconds >= 0 ? warmupSeconds : Math.min(5, durationSeconds / 3);
    }

    /** @return the usage line. */
    public static String usage()
    {
        return "usage: ringflow demo fraud [--duration SECONDS (30)] [--rate EVENTS_PER_S (50000)] [--cards N (10000)]" +
            " [--journal-dir DIR (a new temporary directory; an existing one is resumed)] [--seed N (42)]" +
            " [--warmup SECONDS (duration/3, at most 5)] [--checkpoint-every SECONDS (10)]" +
            " [--journal-mode durable|fast (durable)] [--threads 2|3 (2)] [--wait busy-spin|yielding|sleeping|blocking (yielding; the detector thread's, with --threads 3)]";
    }
}
