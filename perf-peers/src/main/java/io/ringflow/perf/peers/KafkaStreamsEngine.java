package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.VoidSerializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Kafka Streams as a peer: each run builds the query's topology ({@link KafkaQueries}) and drives it with
 * {@link TopologyTestDriver}, the Kafka Streams test harness: one task on the calling thread, no broker, no
 * network, each input record deserialised, processed to the end of the topology, and committed before the next
 * (a commit per record, which with in-memory stores and no changelog costs little). It is Kafka Streams' own
 * processing code without Kafka's I/O: a lower bound on a deployed application's cost per record, not a model of one.
 * <ul>
 * <li>Input: every event, piped in order through the input topic with {@link KafkaEventSerde} (so its
 *     serialisation, the producer's side, is in the timed run too: a small part of the whole).</li>
 * <li>State: in-memory stores ({@code BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers}), not RocksDB: Ringflow's
 *     and Flink's window state is in memory (Flink's heap backend) and not persisted per update either, and
 *     in-memory keeps the native library out of the comparison. RocksDB would add a JNI call and a memtable write
 *     per update.</li>
 * <li>End of input: Kafka Streams has none; a window is emitted only when stream time passes its end plus grace,
 *     and {@code TopologyTestDriver} advances stream time only with records ({@code advanceWallClockTime} moves
 *     wall-clock punctuation, which no operator here uses). So the windowed queries end with two sentinel bids at
 *     {@link #END_OF_INPUT_MS} and a day later: the first closes every window of the input in the first windowed
 *     step, the second closes the first sentinel's windows there, whose results move stream time on in Q5's second
 *     step so that it closes every window of the input too. Results stamped at or after {@link #END_OF_INPUT_MS}
 *     are the sentinels' own and are dropped ({@link KafkaResults}). This is Ringflow's end-of-stream watermark
 *     written as records.</li>
 * <li>Memory: the driver keeps every record written to a topic, repartition topics included, until a test reads
 *     it; the run drains the repartition topics every {@value #DRAIN_EVERY} input records (its cost is counted as
 *     Kafka Streams').</li>
 * </ul>
 * Results are equal to Ringflow's record by record, timestamps included ({@link KafkaQueries} says why).
 * <p>
 * Threading: one caller at a time; the topology runs on the calling thread. Close it to delete its state
 * directory.
 */
public final class KafkaStreamsEngine implements PeerEngine
{
    /** The sentinels' time, ms: 2^50, some 35,000 years after the epoch, past any input's windows. */
    static final long END_OF_INPUT_MS = 1L << 50;
    private static final long SENTINEL_GAP_MS = 86_400_000L;
    private static final int DRAIN_EVERY = 1_024;

    private final Path stateDir;

    /** Create the engine's state directory (in-memory stores leave it nearly empty). */
    public KafkaStreamsEngine()
    {
        try
        {
            stateDir = Files.createTempDirectory("ringflow-kafka-streams-");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not create a state directory for Kafka Streams", e);
        }
    }

    @Override
    public String name()
    {
        return "kafka-streams";
    }

    @Override
    public String describe()
    {
        return "Kafka Streams " + AppInfoParser.getVersion() + " under TopologyTestDriver: one task on the measuring " +
            "thread, a commit per record, in-memory stores, record caches and changelogs off, " +
            "suppress(untilWindowCloses) with 4 s grace";
    }

    @Override
    public Fingerprint fingerprint(final PeerQuery query, final NexmarkInput input)
    {
        final Fingerprint fingerprint = new Fingerprint();
        run(query, input, fingerprint);
        return fingerprint;
    }

    @Override
    public List<String> collect(final PeerQuery query, final NexmarkInput input)
    {
        final List<String> results = new ArrayList<>();
        run(query, input, ResultListener.rendering(results));
        return results;
    }

    private void run(final PeerQuery query, final NexmarkInput input, final ResultListener listener)
    {
        final EventArray events = EventArrays.of(input);
        final String applicationId = "nexmark-" + query.name().toLowerCase(Locale.ROOT);
        try (TopologyTestDriver driver = new TopologyTestDriver(KafkaQueries.topology(query, listener),
            properties(applicationId)))
        {
            final TestInputTopic<Void, PeerEvent> topic =
                driver.createInputTopic(KafkaQueries.INPUT_TOPIC, new VoidSerializer(), KafkaEventSerde.SERDE.serializer());
            final List<TestOutputTopic<byte[], byte[]>> repartitions = new ArrayList<>();
            for (final String name : KafkaQueries.repartitionNames(query))
            {
                repartitions.add(driver.createOutputTopic(applicationId + "-" + name + "-repartition",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            }
            final NexmarkEvent event = new NexmarkEvent();
            for (int i = 0, n = events.size(); i < n; i++)
            {
                topic.pipeInput(PeerEvent.of(events.fill(i, event)));
                if (i % DRAIN_EVERY == 0)
                {
                    drain(repartitions);
                }
            }
            if (query.windowed())
            {
                topic.pipeInput(sentinel(END_OF_INPUT_MS));
                topic.pipeInput(sentinel(END_OF_INPUT_MS + SENTINEL_GAP_MS));
            }
        }
    }

    private static void drain(final List<TestOutputTopic<byte[], byte[]>> topics)
    {
        for (final TestOutputTopic<byte[], byte[]> topic : topics)
        {
            while (!topic.isEmpty())
            {
                topic.readRecord();
            }
        }
    }

    // Any bid does; the auction is one no Nexmark input holds, which makes a leaked sentinel result easy to spot.
    private static PeerEvent sentinel(final long timeMs)
    {
        return PeerEvent.of(new NexmarkEvent().setBid(-1, -1, 0, timeMs));
    }

    private Properties properties(final String applicationId)
    {
        final Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");   // the driver never connects
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
            BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        return properties;
    }

    /** Deletes the state directory. */
    @Override
    public void close()
    {
        try (Stream<Path> paths = Files.walk(stateDir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not delete Kafka Streams' state directory " + stateDir, e);
        }
    }
}
