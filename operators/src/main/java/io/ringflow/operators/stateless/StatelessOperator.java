package io.ringflow.operators.stateless;

import io.ringflow.operators.AbstractOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

import java.util.Objects;

/**
 * An operator with a name and no state: its snapshot frame is empty, but still typed and versioned so
 * that a chain's snapshot is checked operator by operator on restore.
 * <p>
 * Threading: single-threaded, called on the operator's thread.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
public abstract class StatelessOperator<I, O> extends AbstractOperator<I, O>
{
    private final String name;
    private final String snapshotType;

    /**
     * @param name         names the operator in errors; not empty.
     * @param snapshotType the operator kind ("filter", "map", …).
     */
    protected StatelessOperator(final String name, final String snapshotType)
    {
        this.name = requireName(name);
        this.snapshotType = snapshotType;
    }

    static String requireName(final String name)
    {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("operator name must not be empty");
        }
        return name;
    }

    /** @return the name given at construction. */
    public final String name()
    {
        return name;
    }

    @Override
    public final String snapshotType()
    {
        return snapshotType;
    }

    @Override
    public final int snapshotVersion()
    {
        return 1;
    }

    /** Writes nothing: there is no state. */
    @Override
    public final void snapshotState(final SnapshotWriter out)
    {
    }

    /** Reads nothing: there is no state. */
    @Override
    public final void restoreState(final SnapshotReader in, final int version)
    {
    }
}
