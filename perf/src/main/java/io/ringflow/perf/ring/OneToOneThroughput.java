package io.ringflow.perf.ring;

/**
 * The shape every one-to-one throughput benchmark in this package follows, so that their scores read the
 * same way (records per second from one producer thread to one consumer thread) and a new transport is one
 * class in the same mould:
 * <pre>
 *   JMH thread (producer)                          consumer thread (started at @Setup, joined at @TearDown)
 *   publish value = n, n+1, … (BATCH records) ──► [ transport under test, CAPACITY slots ] ──► sum += value
 *        └─ then spin until consumed == published ◄──────────── consumed count/sequence ◄──┘
 * </pre>
 * <ul>
 * <li>{@code @State(Scope.Benchmark)}, {@code @Threads(1)}: the JMH thread is the only producer.</li>
 * <li>One invocation publishes {@link #BATCH} records, each carrying the next value of a running counter,
 *     then spins until the consumer has taken the last one, so no record is left in flight between
 *     iterations; {@code @OperationsPerInvocation(BATCH)} makes the score records per second. The wait at
 *     the end of each batch costs one drain of at most {@link #CAPACITY} records per {@link #BATCH}.</li>
 * <li>The consumer does a little real work, {@code sum += value}, so neither side is dead code; at
 *     tear-down the benchmark stops the consumer, joins it and calls {@link #verify}, which fails the run
 *     unless the sum equals 0 + 1 + … + (published - 1).</li>
 * <li>The hot path allocates nothing: events are pre-allocated (ring slots, or a pool cycled by index);
 *     check with {@code -prof gc}.</li>
 * </ul>
 */
final class OneToOneThroughput
{
    /** Records per invocation: large, so the per-invocation drain and JMH's own overhead vanish. */
    static final int BATCH = 1 << 20;

    /** Slots in the ring or queue under test. */
    static final int CAPACITY = 1 << 16;

    private OneToOneThroughput()
    {
    }

    /**
     * Fails unless the consumer saw every published value exactly once.
     *
     * @param benchmark name for the message.
     * @param published records published, carrying values 0 to published - 1.
     * @param consumerSum the consumer's sum of the values it took.
     */
    static void verify(final String benchmark, final long published, final long consumerSum)
    {
        // Halve the even factor first: the product then wraps modulo 2^64 exactly as the consumer's sum does.
        final long expected = (published & 1) == 0 ? (published / 2) * (published - 1) : published * ((published - 1) / 2);
        System.out.printf("%n[workload] %s records=%d sum=%d%n", benchmark, published, consumerSum);
        if (published == 0 || consumerSum != expected)
        {
            throw new IllegalStateException(
                benchmark + ": consumer sum " + consumerSum + " != expected " + expected + " for " + published + " records");
        }
    }
}
