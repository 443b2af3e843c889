package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.Q5HotItems;
import io.ringflow.perf.nexmark.Q7HighestBid;
import io.ringflow.perf.nexmark.WindowMax;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;

/**
 * Nexmark Q1, Q2, Q5 and Q7 as Kafka Streams DSL topologies, each computing what the Ringflow query of the same
 * name computes, with the same constants; the same plans as {@link FlinkQueries}' jobs.
 * <pre>
 *   Q1: input ──► filter(bid) ──► mapValues(price * 908 / 1000)                                  (one sub-topology)
 *   Q2: input ──► filter(bid, auction % 123 == 0)
 *   Q5: input ──► filter(bid) ──► map(auction, price) ═repartition═► hopping 10 s / 2 s (grace 4 s) count
 *           ──► suppress(untilWindowCloses) ──► (window end, pack(count, auction)) @ end - 1
 *           ═repartition═► tumbling 2 s (grace 0) max ──► suppress(untilWindowCloses)
 *   Q7: input ──► filter(bid) ──► map(0, pack(price, auction)) ═repartition═► tumbling 10 s (grace 4 s) max
 *           ──► suppress(untilWindowCloses)
 * </pre>
 * Windows are Kafka Streams' own, aligned to epoch 0 as Ringflow's. Each window emits once, final:
 * {@code suppress(untilWindowCloses)} holds a window's updates until the processor's stream time (the largest
 * record time it has seen) reaches {@code end + grace}. With a 4 s grace that is Ringflow's firing rule
 * ({@code maxTimestamp - 4000 - 1 >= end - 1}) with the largest time over the bids rather than over all events:
 * firings may come later, never with other contents, since no event of this input is late (each is at most 4 s
 * behind the largest time before it, so no window it belongs to has closed; a record past a closed window would be
 * dropped, where Ringflow sends it to a side output and fails this module's run). Q5's second window sees exactly
 * one sliding window's counts per tumbling window, for the reason {@link Q5HotItems} gives: they are all stamped
 * {@code end - 1}, and the next window's counts come only after these, at a later stream time.
 * <p>
 * Grouping moves records through a repartition topic, as Flink's {@code keyBy} crosses a network edge; Q5 and
 * Q7 project bids to two {@code Long}s first. Stores are Kafka Streams' in-memory ones
 * ({@link KafkaStreamsEngine} says why) with record caches off, so that every update reaches {@code suppress},
 * and no changelog (stores and suppression buffers): Ringflow and Flink are measured without their journal or
 * checkpoints too.
 * <p>
 * Threading: builds a topology on the caller's thread; its processors run on the thread that drives it.
 */
final class KafkaQueries
{
    /** The input topic: unkeyed Nexmark events, event time in the value. */
    static final String INPUT_TOPIC = "nexmark-events";
    private static final String Q5_BY_AUCTION = "q5-by-auction";
    private static final String Q5_BY_WINDOW_END = "q5-by-window-end";
    private static final String Q7_ALL = "q7-all";

    private static final Serde<Long> LONG = Serdes.Long();
    private static final Duration GRACE = Duration.ofMillis(NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS);

    private KafkaQueries()
    {
    }

    /**
     * @param query    the query.
     * @param listener receives its results.
     * @return the query's topology, reading {@link #INPUT_TOPIC}.
     */
    static Topology topology(final PeerQuery query, final ResultListener listener)
    {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<Void, PeerEvent> events = builder.stream(INPUT_TOPIC,
            Consumed.with(Serdes.Void(), KafkaEventSerde.SERDE).withTimestampExtractor(new KafkaEventTime()));
        switch (query)
        {
            case Q1 -> events.filter((key, event) -> event.isBid())
                .mapValues(PeerEvent::toEuros)
                .process(KafkaResults.events(listener));
            case Q2 -> events.filter((key, event) -> PeerEvent.selects(event))
                .process(KafkaResults.events(listener));
            case Q5 -> q5(events).process(KafkaResults.windows(listener));
            case Q7 -> q7(events).process(KafkaResults.windows(listener));
        }
        return builder.build();
    }

    /**
     * @param query a query.
     * @return the names its groupings give their repartition topics (Kafka Streams prefixes the application id
     *         and appends {@code -repartition}).
     */
    static List<String> repartitionNames(final PeerQuery query)
    {
        return switch (query)
        {
            case Q1, Q2 -> List.of();
            case Q5 -> List.of(Q5_BY_AUCTION, Q5_BY_WINDOW_END);
            case Q7 -> List.of(Q7_ALL);
        };
    }

    private static KStream<Windowed<Long>, Long> q5(final KStream<Void, PeerEvent> events)
    {
        return events.filter((key, event) -> event.isBid())
            .map((key, bid) -> KeyValue.pair(bid.auction, bid.price))
            .groupByKey(Grouped.with(Q5_BY_AUCTION, LONG, LONG))
            .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(Q5HotItems.SIZE_MS), GRACE)
                .advanceBy(Duration.ofMillis(Q5HotItems.SLIDE_MS)))
            .count(Materialized.<Long, Long, WindowStore<Bytes, byte[]>>as("q5-bid-counts")
                .withKeySerde(LONG).withValueSerde(LONG).withCachingDisabled().withLoggingDisabled())
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded().withLoggingDisabled()))
            .toStream()
            .process(ByWindowEnd::new)
            .groupByKey(Grouped.with(Q5_BY_WINDOW_END, LONG, LONG))
            .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(Q5HotItems.SLIDE_MS), Duration.ZERO))
            .reduce(Math::max, Materialized.<Long, Long, WindowStore<Bytes, byte[]>>as("q5-hottest")
                .withKeySerde(LONG).withValueSerde(LONG).withCachingDisabled().withLoggingDisabled())
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded().withLoggingDisabled()))
            .toStream();
    }

    private static KStream<Windowed<Long>, Long> q7(final KStream<Void, PeerEvent> events)
    {
        // One key for the whole stream: Q7 is a global window, Flink's windowAll.
        return events.filter((key, event) -> event.isBid())
            .map((key, bid) -> KeyValue.pair(0L, WindowMax.pack(bid.price, bid.auction)))
            .groupByKey(Grouped.with(Q7_ALL, LONG, LONG))
            .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(Q7HighestBid.SIZE_MS), GRACE))
            .reduce(Math::max, Materialized.<Long, Long, WindowStore<Bytes, byte[]>>as("q7-highest-bid")
                .withKeySerde(LONG).withValueSerde(LONG).withCachingDisabled().withLoggingDisabled())
            .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded().withLoggingDisabled()))
            .toStream();
    }

    /**
     * Q5 between its windows: an auction's count in a sliding window becomes (window end, pack(count, auction)),
     * stamped {@code end - 1} so that the tumbling window of that end holds it (Kafka Streams would stamp it with
     * the latest bid's time, which may fall in an earlier 2 s window).
     */
    private static final class ByWindowEnd implements Processor<Windowed<Long>, Long, Long, Long>
    {
        private ProcessorContext<Long, Long> context;

        @Override
        public void init(final ProcessorContext<Long, Long> context)
        {
            this.context = context;
        }

        @Override
        public void process(final Record<Windowed<Long>, Long> count)
        {
            final long end = count.key().window().end();
            context.forward(count.withKey(end).withValue(WindowMax.pack(count.value(), count.key().key()))
                .withTimestamp(end - 1));
        }
    }
}
