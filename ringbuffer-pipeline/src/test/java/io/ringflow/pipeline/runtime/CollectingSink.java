package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.Sink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Keeps copies of what reaches it; thread-safe so that parallel stages may share it. */
final class CollectingSink<T, C> implements Sink<T>
{
    private final Function<T, C> copier;
    private final List<C> records = new ArrayList<>();
    private int endOfStreams;

    CollectingSink(final Function<T, C> copier)
    {
        this.copier = copier;
    }

    @Override
    public synchronized void onRecord(final T record, final long timestamp)
    {
        records.add(copier.apply(record));
    }

    @Override
    public synchronized void onEndOfStream()
    {
        endOfStreams++;
    }

    synchronized List<C> records()
    {
        return new ArrayList<>(records);
    }

    synchronized int endOfStreams()
    {
        return endOfStreams;
    }
}
