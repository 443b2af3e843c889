package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kafka Streams topology, driven by {@code TopologyTestDriver}, computes what the Ringflow query of the same
 * name computes on the same generated events: the same results, record by record and in the same order, with the
 * same timestamps, and the same {@link Fingerprint} through the measured path. The inputs are
 * {@link FlinkMatchesRingflowTest}'s: 20,000 events at 10,000 events/s (most windows emitted at the end of input,
 * by the sentinels) and at 1,000 events/s (most emitted by stream time passing end + grace).
 * <p>
 * Where the engines could differ and, on this input, do not (see {@link KafkaQueries}): Kafka Streams closes a
 * window when the largest bid time reaches end + 4 s, Ringflow when the largest event time does, which can move a
 * firing later but never changes a window's contents, since no event is late; and Kafka Streams stamps a window's
 * result with its latest record's time, which the sink replaces by the window's {@code end - 1}.
 */
class KafkaStreamsMatchesRingflowTest
{
    private static final long EVENTS = 20_000;
    private static final long SEED = 11;
    private static KafkaStreamsEngine kafkaStreams;

    @BeforeAll
    static void createEngine()
    {
        kafkaStreams = new KafkaStreamsEngine();
    }

    @AfterAll
    static void closeEngine()
    {
        kafkaStreams.close();
    }

    @ParameterizedTest(name = "{0} at {1} us between events")
    @CsvSource({
        "Q1, 100", "Q2, 100", "Q5, 100", "Q7, 100",
        "Q1, 1000", "Q2, 1000", "Q5, 1000", "Q7, 1000",
    })
    void shouldGiveRingflowsResultsOnTheSameEvents(final PeerQuery query, final long interEventDelayUs)
    {
        final NexmarkInput input = new NexmarkInput(SEED, interEventDelayUs, EVENTS);
        final List<String> fromRingflow = new ArrayList<>();
        final Fingerprint ringflowFingerprint = new Fingerprint();
        RingflowRun.run(query, input.newStream(), EVENTS, (hash, timestamp, result) ->
        {
            fromRingflow.add(result + " at " + timestamp);
            ringflowFingerprint.add(hash, timestamp);
        });

        assertThat(kafkaStreams.collect(query, input)).isEqualTo(fromRingflow);
        assertThat(kafkaStreams.fingerprint(query, input)).isEqualTo(ringflowFingerprint);
        assertThat(fromRingflow).hasSizeGreaterThan(MatchingInputs.expectedAtLeast(query, EVENTS, interEventDelayUs));
    }

    @Test
    void shouldRoundTripEveryKindOfEventThroughItsSerde()
    {
        final EventArray events = EventArrays.of(NexmarkInput.standard(SEED, 50));
        final NexmarkEvent event = new NexmarkEvent();
        for (int i = 0; i < events.size(); i++)
        {
            final PeerEvent original = PeerEvent.of(events.fill(i, event));
            final PeerEvent copy = KafkaEventSerde.deserialize(KafkaEventSerde.serialize(original));
            assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        }
    }
}
