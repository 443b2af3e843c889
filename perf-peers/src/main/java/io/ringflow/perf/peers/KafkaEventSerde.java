package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;

/**
 * Kafka Streams' serde for the input topic's {@link PeerEvent}s: a kind byte, then the kind's own fields as
 * big-endian longs and nothing else (a bid 33 bytes, a person 17, an auction 57), which is about what a
 * hand-written Kafka serde for Nexmark would carry. Kafka Streams deserialises every input record with it
 * (one new {@link PeerEvent} each, as any Kafka Streams application allocates); the bids that Q5 and Q7 move
 * through a repartition topic are projected to {@code Long}s first, as Flink's jobs project them before a
 * {@code keyBy}.
 * <p>
 * Threading: stateless; safe from any thread.
 */
final class KafkaEventSerde
{
    /** The serde. */
    static final Serde<PeerEvent> SERDE = Serdes.serdeFrom(
        (topic, event) -> serialize(event), (topic, bytes) -> deserialize(bytes));

    private static final int PERSON = NexmarkEvent.Kind.PERSON.ordinal();
    private static final int AUCTION = NexmarkEvent.Kind.AUCTION.ordinal();

    private KafkaEventSerde()
    {
    }

    /**
     * @param event an event.
     * @return its bytes.
     */
    static byte[] serialize(final PeerEvent event)
    {
        if (event.kind == PeerEvent.BID)
        {
            return ByteBuffer.allocate(1 + 4 * Long.BYTES).put((byte)event.kind)
                .putLong(event.auction).putLong(event.person).putLong(event.price).putLong(event.dateTime).array();
        }
        if (event.kind == PERSON)
        {
            return ByteBuffer.allocate(1 + 2 * Long.BYTES).put((byte)event.kind)
                .putLong(event.id).putLong(event.dateTime).array();
        }
        return ByteBuffer.allocate(1 + 7 * Long.BYTES).put((byte)event.kind)
            .putLong(event.id).putLong(event.person).putLong(event.price).putLong(event.category)
            .putLong(event.reserve).putLong(event.expires).putLong(event.dateTime).array();
    }

    /**
     * @param bytes what {@link #serialize} wrote.
     * @return the event.
     */
    static PeerEvent deserialize(final byte[] bytes)
    {
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final PeerEvent event = new PeerEvent();
        event.kind = buffer.get();
        if (event.kind == PeerEvent.BID)
        {
            event.auction = buffer.getLong();
            event.person = buffer.getLong();
            event.price = buffer.getLong();
        }
        else if (event.kind == PERSON)
        {
            event.id = buffer.getLong();
        }
        else if (event.kind == AUCTION)
        {
            event.id = buffer.getLong();
            event.auction = event.id;
            event.person = buffer.getLong();
            event.price = buffer.getLong();
            event.category = buffer.getLong();
            event.reserve = buffer.getLong();
            event.expires = buffer.getLong();
        }
        else
        {
            throw new IllegalArgumentException("not a Nexmark event: kind " + event.kind);
        }
        event.dateTime = buffer.getLong();
        return event;
    }
}
