package io.ringflow.pipeline;

import java.util.Objects;

/**
 * Where a pipeline's records come from: the ingress ring that producers publish into.
 * <p>
 * Threading: configuration, built on one thread.
 *
 * @param <T> record type.
 */
public final class Source<T>
{
    /** Default ingress ring size: 16 Ki slots. */
    public static final int DEFAULT_RING_SIZE = 1 << 14;

    final String name;
    final RecordType<T> type;
    ProducerMode producerMode = ProducerMode.MULTI;
    int ringSize = DEFAULT_RING_SIZE;

    private Source(final String name, final RecordType<T> type)
    {
        this.name = name;
        this.type = type;
    }

    /**
     * @param name names the pipeline's first stage and its ingress.
     * @param type how records are held in the ingress ring.
     * @param <T>  record type.
     * @return a multi-producer source with a ring of {@link #DEFAULT_RING_SIZE} slots.
     */
    public static <T> Source<T> of(final String name, final RecordType<T> type)
    {
        Objects.requireNonNull(name, "name");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("source name must not be blank");
        }
        return new Source<>(name, Objects.requireNonNull(type, "type"));
    }

    /**
     * @param mode who publishes: {@link ProducerMode#SINGLE} saves a CAS per record when one thread does.
     * @return this.
     */
    public Source<T> producerMode(final ProducerMode mode)
    {
        this.producerMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * @param slots ingress ring size, a power of two.
     * @return this.
     */
    public Source<T> ringSize(final int slots)
    {
        this.ringSize = slots;
        return this;
    }
}
