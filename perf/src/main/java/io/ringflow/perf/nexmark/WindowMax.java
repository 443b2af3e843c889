package io.ringflow.perf.nexmark;

import java.util.Objects;

/**
 * What the windowed queries emit: for the window ending at {@link #windowEnd()} (exclusive), the largest
 * {@link #value()} and the id that holds it (Q5: an auction and its bid count; Q7: the highest bid's
 * auction and its price). Ties go to the largest id, so the result does not depend on arrival order.
 * <p>
 * Both engines pick the maximum over one {@code long} that packs value and id ({@link #pack}), which is what
 * lets Ringflow's stock {@code Aggregates.max} compute an arg-max.
 * <p>
 * Threading: not thread-safe; the emitting operator owns and refills one instance ({@link #copy()} to keep one).
 */
public final class WindowMax
{
    private static final long ID_MASK = 0xFFFF_FFFFL;

    private long windowEnd;
    private long id;
    private long value;

    /**
     * @param value the compared value, 0 to 2^31 - 1.
     * @param id    the id holding it, 0 to 2^32 - 1 (Nexmark ids stay far below while a run lasts).
     * @return one long whose order is value's, then id's.
     */
    public static long pack(final long value, final long id)
    {
        return value << 32 | id & ID_MASK;
    }

    /**
     * @param windowEnd the window's end, exclusive.
     * @param packed    a {@link #pack}ed value and id.
     * @return this.
     */
    public WindowMax set(final long windowEnd, final long packed)
    {
        this.windowEnd = windowEnd;
        this.id = packed & ID_MASK;
        this.value = packed >>> 32;
        return this;
    }

    /** @return the window's end, exclusive, ms. */
    public long windowEnd()
    {
        return windowEnd;
    }

    /** @return the id holding the maximum (an auction). */
    public long id()
    {
        return id;
    }

    /** @return the maximum (a bid count, or a price in cents). */
    public long value()
    {
        return value;
    }

    /** @return a copy to keep. */
    public WindowMax copy()
    {
        final WindowMax copy = new WindowMax();
        copy.windowEnd = windowEnd;
        copy.id = id;
        copy.value = value;
        return copy;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof WindowMax && ((WindowMax)o).windowEnd == windowEnd && ((WindowMax)o).id == id &&
            ((WindowMax)o).value == value;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(windowEnd, id, value);
    }

    @Override
    public String toString()
    {
        return "WindowMax(end " + windowEnd + " id " + id + " value " + value + ")";
    }
}
