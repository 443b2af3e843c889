package io.ringflow.perf.peers;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for Kafka Streams: an input record's time is its event's {@code dateTime}, as it is Ringflow's and
 * Flink's, whatever time the record was produced at. Set on the input topic's source only
 * ({@code Consumed.withTimestampExtractor}): the repartition topics keep the time of the record that was written
 * to them, which is what their windows need.
 * <p>
 * Threading: stateless; Kafka Streams calls it on the stream thread.
 */
final class KafkaEventTime implements TimestampExtractor
{
    @Override
    public long extract(final ConsumerRecord<Object, Object> record, final long partitionTime)
    {
        return ((PeerEvent)record.value()).dateTime;
    }
}
