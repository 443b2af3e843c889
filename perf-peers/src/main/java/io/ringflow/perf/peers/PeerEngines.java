package io.ringflow.perf.peers;

import java.util.List;

/**
 * The peers {@link PeerNexmark} knows, by the names {@code --engines} takes.
 * <p>
 * Threading: stateless.
 */
final class PeerEngines
{
    /** Every peer's name, in the order a round runs them by default. */
    static final List<String> NAMES = List.of("flink", "kafka-streams", "esper");

    private PeerEngines()
    {
    }

    /**
     * @param name    one of {@link #NAMES}.
     * @param options the command line (Flink's settings).
     * @return the engine, started (Flink's MiniCluster takes seconds); the caller closes it.
     */
    static PeerEngine open(final String name, final Options options)
    {
        return switch (name)
        {
            case "flink" -> new LocalFlink(options.flink());
            case "kafka-streams" -> new KafkaStreamsEngine();
            case "esper" -> new EsperEngine();
            default -> throw new IllegalArgumentException("no such engine: " + name + "; one of " + NAMES);
        };
    }
}
