package io.ringflow.pipeline;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * How a record type is carried through rings: each ring slot holds one pre-allocated instance made by
 * {@link #newInstance()}, and a record crosses from one stage to the next by {@link #copy} into the
 * next ring's slot. Nothing is allocated per record.
 * <p>
 * Threading: {@link #copy} is called concurrently from several stage threads, each with its own
 * instances, so it must not keep state of its own.
 *
 * @param <T> record type: a mutable class with a public no-argument way to create it.
 */
public interface RecordType<T>
{
    /** @return a fresh instance, called once per ring slot at start-up. */
    T newInstance();

    /**
     * Overwrite {@code to} with the values of {@code from}.
     *
     * @param from the source, left unchanged.
     * @param to   the destination slot.
     */
    void copy(T from, T to);

    /**
     * @param name        names the type in errors.
     * @param factory     makes an instance.
     * @param copyFromTo  copies every field of the first argument into the second.
     * @param <T>         record type.
     * @return the record type.
     */
    static <T> RecordType<T> of(final String name, final Supplier<T> factory, final BiConsumer<T, T> copyFromTo)
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(copyFromTo, "copyFromTo");
        return new RecordType<>()
        {
            @Override
            public T newInstance()
            {
                return Objects.requireNonNull(factory.get(), () -> "record type " + name + ": factory returned null");
            }

            @Override
            public void copy(final T from, final T to)
            {
                copyFromTo.accept(from, to);
            }

            @Override
            public String toString()
            {
                return name;
            }
        };
    }
}
