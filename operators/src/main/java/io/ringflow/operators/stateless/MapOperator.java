package io.ringflow.operators.stateless;

import io.ringflow.operators.RecordMapper;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Maps each record onto one output record that the operator allocates once and reuses, keeping the
 * input's timestamp. Downstream must copy the output record if it keeps it.
 * <p>
 * Threading: single-threaded, called on the operator's thread; allocates nothing per record.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public final class MapOperator<I, O> extends StatelessOperator<I, O>
{
    private final RecordMapper<I, O> mapper;
    private final O reusedOutput;

    /**
     * @param name          names the operator in errors.
     * @param mapper        fills the output record from the input.
     * @param outputFactory called once, here, for the reused output record.
     */
    public MapOperator(final String name, final RecordMapper<I, O> mapper, final Supplier<O> outputFactory)
    {
        super(name, "map");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(outputFactory, "outputFactory");
        this.reusedOutput = outputFactory.get();
        if (null == reusedOutput)
        {
            throw new IllegalArgumentException("map '" + name + "': outputFactory returned null");
        }
    }

    @Override
    public void processRecord(final I record, final long timestamp)
    {
        // a mapper that throws half-way leaves stale fields, which the next call overwrites
        mapper.map(record, reusedOutput);
        output.emit(reusedOutput, timestamp);
    }
}
