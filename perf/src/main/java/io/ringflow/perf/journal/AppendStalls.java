package io.ringflow.perf.journal;

import io.ringflow.journal.InputJournal;
import io.ringflow.perf.TempDirectories;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long one input journal append takes, appending at a fixed rate to a journal on a real file system,
 * without and with {@link InputJournal#touchPagesAhead()}: the runs alternate (A B A B …) in one process,
 * each on a fresh journal in the same directory, and print each run's append-time percentiles and how many
 * appends took over 1 ms. Append time is the call's own duration, not open-loop latency: what a producer
 * thread loses per append.
 * <pre>
 *   fixed-rate loop (spin until the next send time) ──► InputJournal.append(payment) ──► HdrHistogram
 * </pre>
 * {@code perf/bin/latency append-stalls [--rate RECORDS_PER_S (100000)] [--seconds S (12)] [--rounds R (2)]
 * [--dir DIR (the JVM's temporary directory)]}. The first 2 s of each run (first mappings, JIT) are left out.
 * Threading: the main thread appends; the journal's page toucher, when on, has its own thread.
 */
public final class AppendStalls
{
    private static final long WARMUP_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long STALL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private AppendStalls()
    {
    }

    /**
     * @param args see the class comment.
     * @throws IOException if the temporary journals cannot be created.
     */
    public static void main(final String[] args) throws IOException
    {
        long rate = 100_000;
        long seconds = 12;
        int rounds = 2;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        if (args.length % 2 != 0)
        {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
        }
        for (int i = 0; i < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--rate" -> rate = Long.parseLong(args[i + 1]);
                case "--seconds" -> seconds = Long.parseLong(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] +
                    "; options: --rate N --seconds S --rounds R --dir DIR");
            }
        }
        System.out.printf(Locale.ROOT, "append-stalls: %,d appends/s for %d s per run, %d rounds, journals in %s%n",
            rate, seconds, rounds, dir);
        System.out.printf(Locale.ROOT, "%-5s %-14s %12s %9s %9s %9s %10s %10s %14s%n",
            "round", "page toucher", "appends", "p50 µs", "p99 µs", "p99.9 µs", "p99.99 µs", "max µs", "appends > 1 ms");
        for (int round = 1; round <= rounds; round++)
        {
            for (final boolean touch : new boolean[] {false, true})
            {
                final Path journalDir = Files.createTempDirectory(dir, "append-stalls");
                try
                {
                    report(round, touch, run(journalDir, touch, rate, seconds));
                }
                finally
                {
                    TempDirectories.deleteRecursively(journalDir);
                }
            }
        }
    }

    private static Histogram run(final Path journalDir, final boolean touch, final long rate, final long seconds)
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Payment payment = new Payment();
        final long periodNs = TimeUnit.SECONDS.toNanos(1) / rate;
        try (InputJournal journal = new InputJournal(journalDir))
        {
            journal.pretouch();
            if (touch)
            {
                journal.touchPagesAhead();
            }
            final long startNs = System.nanoTime();
            final long endNs = startNs + TimeUnit.SECONDS.toNanos(seconds);
            long intendedNs = startNs;
            for (long i = 0; intendedNs < endNs; i++, intendedNs += periodNs)
            {
                while (System.nanoTime() < intendedNs)
                {
                    Thread.onSpinWait();
                }
                final long t0 = System.nanoTime();
                journal.append(Payment.CODEC, payment.set(i & 1023, i, i), i, t0);
                final long took = System.nanoTime() - t0;
                if (t0 - startNs >= WARMUP_NS)
                {
                    histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                }
            }
        }
        return histogram;
    }

    private static void report(final int round, final boolean touch, final Histogram histogram)
    {
        long stalls = 0;
        for (final var value : histogram.recordedValues())
        {
            if (value.getValueIteratedTo() > STALL_NS)
            {
                stalls += value.getCountAtValueIteratedTo();
            }
        }
        System.out.printf(Locale.ROOT, "%-5d %-14s %,12d %9.2f %9.2f %9.1f %10.1f %10.1f %,14d%n", round,
            touch ? "on" : "off", histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3, stalls);
    }
}
