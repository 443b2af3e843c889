package io.ringflow.operators.testing;

import java.util.Objects;

/**
 * A record captured by {@link OperatorTestHarness}, with its timestamp.
 *
 * @param <T> record type.
 */
public final class Emitted<T>
{
    private final T record;
    private final long timestamp;

    /**
     * @param record    the (copied) record.
     * @param timestamp its timestamp.
     */
    public Emitted(final T record, final long timestamp)
    {
        this.record = record;
        this.timestamp = timestamp;
    }

    /** @return the record. */
    public T record()
    {
        return record;
    }

    /** @return its timestamp. */
    public long timestamp()
    {
        return timestamp;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Emitted && ((Emitted<?>)o).timestamp == timestamp &&
            Objects.equals(((Emitted<?>)o).record, record);
    }

    @Override
    public int hashCode()
    {
        return Objects.hashCode(record) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString()
    {
        return record + "@" + timestamp;
    }
}
