package io.ringflow.perf.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fixed-rate, open-loop latency harness: for each rate and each subject, a fresh subject is driven at that
 * rate for a warm-up and a measurement phase, and the latency of every record from its intended send time to
 * its delivery is recorded. Run it with {@code perf/bin/latency} (same JVM flags as {@code perf/bin/bench}).
 * <pre>
 *   producer thread (busy-spins) ──OpenLoopProducer──► subject ──► consumer thread ──► LatencyRecorder
 *   hiccup-meter thread (sleeps 1 ms, records oversleep) ───────────────────────────► PhasedRecorder
 *   main thread: every second, harvest both into interval logs and measurement totals; print the tables
 * </pre>
 * Two threads busy-spin (producer, and the subject's consumer if it spins): on a 2-core machine they take both
 * cores, so the main and hiccup threads, the JIT and the GC run by preempting them, and figures include that
 * noise; the hiccup table shows how much.
 */
public final class FixedRateLatencyHarness
{
    private static final long INTERVAL_MS = 1_000;
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long START_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private FixedRateLatencyHarness()
    {
    }

    /**
     * Runs every subject at every rate, then prints the tables; exits 2 on a bad option.
     *
     * @param args options, see {@code --help}.
     * @throws Exception if a run fails: lost records, an I/O error on the logs.
     */
    public static void main(final String[] args) throws Exception
    {
        final HarnessOptions options;
        try
        {
            options = HarnessOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("latency: " + ex.getMessage());
            System.exit(2);
            return;
        }
        if (options.help)
        {
            System.out.println(HarnessOptions.USAGE);
            return;
        }
        Files.createDirectories(options.outDir);
        final List<RunResult> results = new ArrayList<>();
        for (final long rate : options.rates)
        {
            for (final String subject : options.subjects)
            {
                results.add(run(options, subject, rate));
            }
        }
        LatencyReport.print(System.out, results);
        System.out.println();
        System.out.println("interval logs: " + options.outDir.toAbsolutePath());
    }

    static RunResult run(final HarnessOptions options, final String name, final long rate)
        throws IOException, InterruptedException
    {
        final long warmUpRecords = rate * options.warmUpSeconds;
        final long records = warmUpRecords + rate * options.measureSeconds;
        final long startEpochMs = System.currentTimeMillis();
        final PhasedRecorder latency = new PhasedRecorder();
        final PhasedRecorder hiccups = new PhasedRecorder();
        final LatencyRecorder sink = new LatencyRecorder(latency);
        final LatencySubject subject = Subjects.create(name, options.capacity);
        final HiccupMeter hiccupMeter = new HiccupMeter(hiccups);
        final String comment = name + " at " + rate + "/s, warm-up " + options.warmUpSeconds + " s (tag warmup), measure " +
            options.measureSeconds + " s";
        System.out.printf("%s at %,d/s: %d s warm-up + %d s measure...%n", name, rate, options.warmUpSeconds,
            options.measureSeconds);

        try (IntervalLog latencyLog = new IntervalLog(
                latency, options.outDir.resolve(name + "-" + rate + ".hlog"), comment, startEpochMs);
            IntervalLog hiccupLog = new IntervalLog(
                hiccups, options.outDir.resolve(name + "-" + rate + "-hiccup.hlog"), "hiccups of " + comment, startEpochMs))
        {
            subject.start(sink);
            // The schedule starts after the subject is up: a subject that takes a second to start (journals
            // to open, recovery) would otherwise owe a second of sends at once, a burst no rate intends.
            final long startNs = System.nanoTime() + START_DELAY_NS;
            latency.measureFrom(startNs + TimeUnit.SECONDS.toNanos(options.warmUpSeconds));
            hiccups.measureFrom(startNs + TimeUnit.SECONDS.toNanos(options.warmUpSeconds));
            final OpenLoopProducer producer = new OpenLoopProducer(subject, startNs, rate, warmUpRecords, records);
            final Thread producerThread = new Thread(producer, "open-loop-producer");
            hiccupMeter.start();
            producerThread.start();
            long drainDeadlineNs = Long.MAX_VALUE;
            while (sink.delivered() < records)
            {
                producerThread.join(INTERVAL_MS);
                latencyLog.harvest();
                hiccupLog.harvest();
                if (!producerThread.isAlive() && drainDeadlineNs == Long.MAX_VALUE)
                {
                    drainDeadlineNs = System.nanoTime() + DRAIN_TIMEOUT_NS;
                }
                if (System.nanoTime() > drainDeadlineNs)
                {
                    break;
                }
            }
            producerThread.join();
            hiccupMeter.stop();
            subject.stop();
            latencyLog.harvest();
            hiccupLog.harvest();
            if (sink.delivered() != records)
            {
                throw new IllegalStateException(name + ": delivered " + sink.delivered() + " of " + records + " records");
            }
            return new RunResult(name, rate, producer.achievedRate(), producer.maxSendLagNs(),
                latencyLog.total(), hiccupLog.total());
        }
    }
}
