package io.ringflow.operators;

import java.util.Objects;

/**
 * Names a side output. Two tags are equal when their names are equal, so a tag may be re-created
 * where it is consumed.
 *
 * @param <T> type of the records on this side output.
 */
public final class OutputTag<T>
{
    private final String name;

    /**
     * @param name non-empty name, unique within a pipeline.
     */
    public OutputTag(final String name)
    {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("output tag name must not be empty");
        }
        this.name = name;
    }

    /**
     * @return the tag's name.
     */
    public String name()
    {
        return name;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof OutputTag && ((OutputTag<?>)o).name.equals(name);
    }

    @Override
    public int hashCode()
    {
        return name.hashCode();
    }

    @Override
    public String toString()
    {
        return "OutputTag(" + name + ")";
    }
}
