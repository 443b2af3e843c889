package io.ringflow.perf.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 6's peer measurement: for each query, Ringflow and the chosen peers ({@link PeerEngine}: Flink, Kafka
 * Streams, Esper) on the same N events, interleaved in rounds (each peer in turn, then Ringflow; again...), one
 * warm-up round and then at least three measured rounds, each run timed in wall and whole-process CPU time
 * ({@link ProcessClock}). It prints each run, then per query and peer the medians in millions of events per
 * CPU-second and the median of the per-round ratios Ringflow / peer; {@code --json FILE} writes the same figures
 * for the report ({@link JsonReport}). Events means all input events (persons, auctions and bids), as in
 * {@code NexmarkBenchmark}.
 * <ul>
 * <li>Equal work: every run's results are fingerprinted ({@link Fingerprint}); if any run of a query disagrees
 *     with the first, the figures are void and the exit status is 1. Every peer gives Ringflow's results exactly
 *     (its {@code ...MatchesRingflowTest} checks them record by record), so there is no tolerance.</li>
 * <li>No engine's timed section generates events: all read one {@link EventArray} built beforehand.</li>
 * <li>A peer run is one run of the query over the N events, set-up included: a Flink job's submission,
 *     deployment and finish; a Kafka Streams {@code TopologyTestDriver}'s creation; an Esper deployment (its EPL is
 *     compiled once, in the warm-up round). They weigh less as N grows.</li>
 * <li>A Ringflow run is one or more passes over the same N events (a fresh query each, every pass's results
 *     checked) until {@code --min-ringflow-ms} of wall time has passed, because the process CPU clock moves in
 *     10 ms steps on Linux and one pass can be that short; its rate counts every pass.</li>
 * <li>Before each run the process is left to settle ({@value #SETTLE_MS} ms of sleep, then {@code System.gc()}),
 *     untimed: a Flink job's result returns before its task threads and slot have finished tearing down, and
 *     without the pause that CPU time (and one run's garbage) lands in the next run. Flink's teardown after its
 *     result is therefore counted for no engine, which favours Flink a little; the idle MiniCluster's heartbeats
 *     during the other engines' runs count against them.</li>
 * <li>The warm-up round's Ringflow run lasts {@value #WARM_UP_FACTOR} times as long as a measured one, so that its
 *     chain is compiled before it is measured (a peer's run is long enough for that on its own).</li>
 * </ul>
 * Run it through {@code perf-peers/bin/peer-nexmark}, which supplies the JVM flags. The targets of issue 6
 * (Ringflow at least 10x Flink per CPU-second on Q5 and Q7, 3x on Q1; at least 5x Esper on Q5 and Q7) are
 * reported against, never asserted.
 * <p>
 * Threading: the main thread runs Ringflow, Kafka Streams and Esper, and waits for the Flink jobs.
 */
public final class PeerNexmark
{
    private static final long SETTLE_MS = 300;
    private static final int WARM_UP_FACTOR = 3;
    private static final String ROW = "%-4s %-5s %-13s %5s %9.1f %9.1f %12.2f %13.2f  %s%n";

    private PeerNexmark()
    {
    }

    /**
     * @param args see {@link Options}.
     */
    public static void main(final String[] args)
    {
        final Options options;
        try
        {
            options = Options.parse(args);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        final NexmarkInput input = NexmarkInput.standard(options.seed(), options.events());
        final long generateStartNs = System.nanoTime();
        final EventArray events = EventArrays.of(input);
        System.out.printf(Locale.ROOT, "# Nexmark on Ringflow and %s: %,d events per run (seed %d, 10,000 events/s of " +
            "event time, 4 s out of order; generated beforehand in %d ms), %d measured rounds per query after 1 " +
            "warm-up round%n", String.join(", ", options.engines()), events.size(), options.seed(),
            (System.nanoTime() - generateStartNs) / 1_000_000, options.rounds());

        final List<PeerEngine> engines = new ArrayList<>();
        final List<RoundResults> results = new ArrayList<>();
        try
        {
            final Map<String, String> described = new LinkedHashMap<>();
            for (final String name : options.engines())
            {
                final PeerEngine engine = PeerEngines.open(name, options);
                engines.add(engine);
                described.put(name, engine.describe());
                System.out.printf("# %s: %s%n", name, engine.describe());
            }
            System.out.printf(Locale.ROOT, "# ringflow: fused operator chain on the main thread, passes repeated to at " +
                "least %d ms a run%n", options.minRingflowMs());
            System.out.printf(Locale.ROOT, "# JDK %s, %d processors, load average %.2f%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), ProcessClock.loadAverage());
            System.out.printf("%-4s %-5s %-13s %5s %9s %9s %12s %13s  %s%n",
                "qry", "run", "engine", "pass", "wall ms", "cpu ms", "M ev/cpu-s", "M ev/wall-s", "results");
            for (final PeerQuery query : options.queries())
            {
                results.add(measure(query, input, events, engines, options));
            }
            if (options.json() != null)
            {
                JsonReport.write(options.json(), options, described, results);
            }
        }
        finally
        {
            engines.forEach(PeerEngine::close);
        }
        System.out.printf("%n# medians, M events per CPU-second; ratio: median over the rounds of ringflow / peer%n");
        results.forEach(query -> query.summary().forEach(System.out::println));
        System.out.printf(Locale.ROOT, "# issue 6 targets (reported, not asserted): ringflow / flink >= 10 on Q5 and Q7, " +
            ">= 3 on Q1; ringflow / esper >= 5 on Q5 and Q7; load average now %.2f%n", ProcessClock.loadAverage());
        if (options.json() != null)
        {
            System.out.println("# written to " + options.json());
        }
        if (!results.stream().allMatch(RoundResults::equalWork))
        {
            System.err.println("runs of a query disagree on their results: not equal work, figures void");
            System.exit(1);
        }
    }

    private static RoundResults measure(final PeerQuery query, final NexmarkInput input, final EventArray events,
        final List<PeerEngine> engines, final Options options)
    {
        final List<String> names = engines.stream().map(PeerEngine::name).toList();
        final RoundResults results = new RoundResults(query, names);
        for (int round = 0; round <= options.rounds(); round++)
        {
            final String run = round == 0 ? "warm" : Integer.toString(round);
            final Map<String, Double> peerRates = new LinkedHashMap<>();
            for (final PeerEngine engine : engines)
            {
                peerRates.put(engine.name(), runPeer(engine, query, input, run, results));
            }
            final long minWallMs = round == 0 ? WARM_UP_FACTOR * options.minRingflowMs() : options.minRingflowMs();
            final double ringflowRate = runRingflow(query, events, minWallMs, run, results);
            if (round > 0)
            {
                results.addRound(ringflowRate, peerRates);
            }
        }
        return results;
    }

    private static double runPeer(final PeerEngine engine, final PeerQuery query, final NexmarkInput input,
        final String run, final RoundResults results)
    {
        settle();
        final ProcessClock.Reading start = ProcessClock.now();
        final Fingerprint fingerprint = engine.fingerprint(query, input);
        final ProcessClock.Span span = ProcessClock.now().since(start);
        return print(query, run, engine.name(), 1, span, input.events(), fingerprint, results.check(engine.name(), fingerprint));
    }

    private static double runRingflow(final PeerQuery query, final EventArray events, final long minWallMs,
        final String run, final RoundResults results)
    {
        boolean equal = true;
        Fingerprint fingerprint;
        int passes = 0;
        settle();
        final ProcessClock.Reading start = ProcessClock.now();
        do
        {
            final Fingerprint pass = new Fingerprint();
            RingflowRun.run(query, events.cursor(), events.size(), pass);
            equal &= results.check(RoundResults.RINGFLOW, pass);
            fingerprint = pass;
            passes++;
        }
        while (System.nanoTime() - start.wallNs() < minWallMs * 1_000_000);
        final ProcessClock.Span span = ProcessClock.now().since(start);
        return print(query, run, RoundResults.RINGFLOW, passes, span, (long)passes * events.size(), fingerprint, equal);
    }

    private static void settle()
    {
        try
        {
            Thread.sleep(SETTLE_MS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between runs", e);
        }
        System.gc();
    }

    private static double print(final PeerQuery query, final String run, final String engine, final int passes,
        final ProcessClock.Span span, final long events, final Fingerprint results, final boolean equal)
    {
        System.out.printf(Locale.ROOT, ROW, query, run, engine, passes, span.wallNs() / 1e6, span.cpuNs() / 1e6,
            span.millionsPerCpuSecond(events), span.millionsPerWallSecond(events), results + (equal ? "" : "  DIFFERS"));
        return span.millionsPerCpuSecond(events);
    }
}
