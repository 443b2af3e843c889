package io.ringflow.operators.stateless;

import io.ringflow.operators.RecordFilter;

import java.util.Objects;

/**
 * Forwards the records a {@link RecordFilter} keeps, with their timestamps; drops the others.
 * <p>
 * Threading: single-threaded, called on the operator's thread; allocates nothing.
 *
 * @param <T> record type.
 */
public final class FilterOperator<T> extends StatelessOperator<T, T>
{
    private final RecordFilter<T> filter;

    /**
     * @param name   names the operator in errors.
     * @param filter true keeps a record.
     */
    public FilterOperator(final String name, final RecordFilter<T> filter)
    {
        super(name, "filter");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        if (filter.test(record))
        {
            output.emit(record, timestamp);
        }
    }
}
