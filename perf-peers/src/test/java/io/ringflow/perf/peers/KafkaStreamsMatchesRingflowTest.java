package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.junit.jupiter.api.Test;

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
class KafkaStreamsMatchesRingflowTest extends PeerMatchesRingflowContract
{
    @Override
    PeerEngine openEngine()
    {
        return new KafkaStreamsEngine();
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
