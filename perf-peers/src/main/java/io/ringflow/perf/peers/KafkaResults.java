package io.ringflow.perf.peers;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka Streams topologies' terminal processors: each result to a {@link ResultListener}, hashed and stamped
 * as the equal Ringflow result. No output topic: as Flink's fingerprinting sink, results do not leave the task
 * (an output topic would add a serialisation per result and, under {@code TopologyTestDriver}, a queue of them).
 * <ul>
 * <li>An event result (Q1, Q2) is stamped with its record's time: the bid's event time, as Ringflow's.</li>
 * <li>A window result (Q5, Q7) is stamped {@code end - 1}, Ringflow's and Flink's stamp: Kafka Streams itself
 *     gives a window's result the time of the latest record in the window, which is not a property of the
 *     window, so the stamp is taken from the window instead.</li>
 * <li>Results stamped at or after {@link KafkaStreamsEngine#END_OF_INPUT_MS} are the end-of-input sentinels'
 *     own windows and are not passed on.</li>
 * </ul>
 * Threading: Kafka Streams' contract: a processor instance is called on one stream thread.
 */
final class KafkaResults
{
    private KafkaResults()
    {
    }

    /**
     * @param listener receives the results.
     * @param <K>      the (ignored) key type.
     * @return a terminal processor for event results.
     */
    static <K> ProcessorSupplier<K, PeerEvent, Void, Void> events(final ResultListener listener)
    {
        return () -> (Processor<K, PeerEvent, Void, Void>)record ->
        {
            if (record.timestamp() < KafkaStreamsEngine.END_OF_INPUT_MS)
            {
                listener.onResult(record.value().resultHash(), record.timestamp(), record.value());
            }
        };
    }

    /**
     * @param listener receives the results.
     * @return a terminal processor for window results: a window and its {@code WindowMax.pack}ed maximum.
     */
    static ProcessorSupplier<Windowed<Long>, Long, Void, Void> windows(final ResultListener listener)
    {
        return () -> (Record<Windowed<Long>, Long> record) ->
        {
            final long end = record.key().window().end();
            if (end - 1 < KafkaStreamsEngine.END_OF_INPUT_MS)
            {
                final WindowMaxRecord result = WindowMaxRecord.of(end, record.value());
                listener.onResult(result.resultHash(), end - 1, result);
            }
        };
    }
}
