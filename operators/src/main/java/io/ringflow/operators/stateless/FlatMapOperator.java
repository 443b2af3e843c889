package io.ringflow.operators.stateless;

import io.ringflow.operators.Collector;
import io.ringflow.operators.RecordFlatMapper;

import java.util.Objects;

/**
 * Forwards every record a {@link RecordFlatMapper} collects, zero or more per input, each with the
 * input's timestamp.
 * <p>
 * The collector is one object made with the operator, so nothing is allocated per record. It is
 * usable only during the {@code flatMap} call: a function that keeps it and collects later gets an
 * {@link IllegalStateException}, because the record would carry another record's timestamp.
 * <p>
 * Threading: single-threaded, called on the operator's thread.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public final class FlatMapOperator<I, O> extends StatelessOperator<I, O>
{
    private final RecordFlatMapper<I, O> flatMapper;
    private final TimestampForwardingCollector collector = new TimestampForwardingCollector();
    private long inputTimestamp;
    private boolean inCall;

    /**
     * @param name       names the operator in errors.
     * @param flatMapper produces the outputs of each record.
     */
    public FlatMapOperator(final String name, final RecordFlatMapper<I, O> flatMapper)
    {
        super(name, "flatMap");
        this.flatMapper = Objects.requireNonNull(flatMapper, "flatMapper");
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        inputTimestamp = timestamp;
        inCall = true;
        try
        {
            flatMapper.flatMap(record, collector);
        }
        finally
        {
            // a throwing function must not leave the collector usable outside a call
            inCall = false;
        }
    }

    private final class TimestampForwardingCollector implements Collector<O>
    {
        @Override
        public void collect(final O record)
        {
            if (!inCall)
            {
                throw new IllegalStateException(
                    "flatMap '" + name() + "': collector used outside flatMap; it must not be kept");
            }
            output.emit(record, inputTimestamp);
        }
    }
}
