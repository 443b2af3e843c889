package io.ringflow.perf.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link PeerNexmark}'s command line, validated once:
 * <pre>
 *   --engines E,E          peers to measure against Ringflow: flink, kafka-streams, esper (default all three)
 *   --events N             events per run (default 2,000,000)
 *   --rounds R             measured rounds per query, after one warm-up round (default 3, at least 3)
 *   --queries Q1,Q2,Q5,Q7  which queries (default all four)
 *   --json FILE            also write the figures to FILE as JSON ({@link JsonReport})
 *   --buffer-timeout-ms T  Flink's network buffer timeout (default 100, Flink's own default)
 *   --object-reuse B       Flink's object reuse, true or false (default true)
 *   --seed S               the generator's seed (default 42, as NexmarkBenchmark)
 *   --min-ringflow-ms M    repeat a Ringflow run over the same events until it has taken M ms of wall time
 *                          (default 300): process CPU time ticks in 10 ms steps on Linux, and one pass of
 *                          Ringflow over 2M events can take about that
 * </pre>
 * Threading: immutable once parsed.
 *
 * @param engines       the peers, in the order each round runs them.
 * @param events        events per run.
 * @param rounds        measured rounds per query.
 * @param queries       the queries, in order.
 * @param json          where to write the JSON report, or null for none.
 * @param flink         Flink's job settings.
 * @param seed          the generator's seed.
 * @param minRingflowMs the least wall time of a measured Ringflow run, ms.
 */
record Options(List<String> engines, long events, int rounds, List<PeerQuery> queries, Path json, FlinkSettings flink,
    long seed, long minRingflowMs)
{
    static final String USAGE = "usage: peer-nexmark [--engines flink,kafka-streams,esper] [--events N] [--rounds R>=3] " +
        "[--queries Q1,Q2,Q5,Q7] [--json FILE] [--buffer-timeout-ms T] [--object-reuse true|false] [--seed S] " +
        "[--min-ringflow-ms M]";

    /**
     * @param args the command line.
     * @return the options.
     * @throws IllegalArgumentException with the usage, for anything not understood.
     */
    static Options parse(final String... args)
    {
        List<String> engines = PeerEngines.NAMES;
        long events = 2_000_000;
        int rounds = 3;
        List<PeerQuery> queries = List.of(PeerQuery.values());
        Path json = null;
        long bufferTimeoutMs = FlinkSettings.DEFAULT_BUFFER_TIMEOUT_MS;
        boolean objectReuse = true;
        long seed = 42;
        long minRingflowMs = 300;
        for (int i = 0; i < args.length; i += 2)
        {
            if (args[i].equals("--help") || args[i].equals("-h"))
            {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--engines" -> engines = engines(value);
                case "--events" -> events = Long.parseLong(value.replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--queries" -> queries = queries(value);
                case "--json" -> json = Path.of(value);
                case "--buffer-timeout-ms" -> bufferTimeoutMs = Long.parseLong(value);
                case "--object-reuse" -> objectReuse = Boolean.parseBoolean(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--min-ringflow-ms" -> minRingflowMs = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (events < 1 || events > Integer.MAX_VALUE - 8 || rounds < 3 || bufferTimeoutMs < 0 || minRingflowMs < 0)
        {
            throw new IllegalArgumentException("need 1 <= events < 2^31 - 8, rounds >= 3, buffer timeout >= 0, " +
                "min-ringflow-ms >= 0\n" + USAGE);
        }
        return new Options(engines, events, rounds, queries, json, new FlinkSettings(bufferTimeoutMs, objectReuse), seed,
            minRingflowMs);
    }

    private static List<String> engines(final String list)
    {
        final List<String> engines = new ArrayList<>();
        for (final String name : list.split(","))
        {
            final String engine = name.trim().toLowerCase(Locale.ROOT);
            if (!PeerEngines.NAMES.contains(engine) || engines.contains(engine))
            {
                throw new IllegalArgumentException("unknown or repeated engine " + name + ": one or more of " +
                    PeerEngines.NAMES + "\n" + USAGE);
            }
            engines.add(engine);
        }
        return List.copyOf(engines);
    }

    private static List<PeerQuery> queries(final String list)
    {
        final List<PeerQuery> queries = new ArrayList<>();
        for (final String name : list.split(","))
        {
            queries.add(PeerQuery.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return List.copyOf(queries);
    }
}
