package io.ringflow.operators.process;

import io.ringflow.operators.state.OffHeapHashStore;

/**
 * Fixed-width keyed state for the current key, read and written by byte offset. Writing to a key
 * with no entry creates it zero-filled. Each call is one hash lookup.
 * <p>
 * Threading: only from the function's calls (processElement / onTimer), which set the current key.
 */
public final class ValueState
{
    private final String name;
    private final OffHeapHashStore store;
    private final KeyScope scope;
    private final int bytes;

    ValueState(final String name, final OffHeapHashStore store, final KeyScope scope, final int bytes)
    {
        this.name = name;
        this.store = store;
        this.scope = scope;
        this.bytes = bytes;
    }

    /** @return the state's name. */
    public String name()
    {
        return name;
    }

    /** @return whether the current key has an entry. */
    public boolean exists()
    {
        return store.find(scope.currentKey(), 0, 0) != OffHeapHashStore.NOT_FOUND;
    }

    /**
     * @param offset byte offset in the value.
     * @return the long there, 0 when the key has no entry.
     */
    public long getLong(final int offset)
    {
        check(offset, Long.BYTES);
        final int slot = store.find(scope.currentKey(), 0, 0);
        return slot == OffHeapHashStore.NOT_FOUND ? 0 : store.buffer().getLong(slot + offset);
    }

    /**
     * @param offset byte offset in the value.
     * @param value  value to store.
     */
    public void putLong(final int offset, final long value)
    {
        check(offset, Long.BYTES);
        final int slot = store.getOrInsert(scope.currentKey(), 0, 0);
        store.buffer().putLong(slot + offset, value);
    }

    /**
     * @param offset byte offset in the value.
     * @return the double there, 0 when the key has no entry.
     */
    public double getDouble(final int offset)
    {
        return Double.longBitsToDouble(getLong(offset));
    }

    /**
     * @param offset byte offset in the value.
     * @param value  value to store.
     */
    public void putDouble(final int offset, final double value)
    {
        putLong(offset, Double.doubleToRawLongBits(value));
    }

    /** Remove the current key's entry. */
    public void clear()
    {
        store.remove(scope.currentKey(), 0, 0);
    }

    private void check(final int offset, final int width)
    {
        if (offset < 0 || offset + width > bytes)
        {
            throw new IndexOutOfBoundsException("state '" + name + "' is " + bytes + " bytes wide; cannot access " +
                width + " bytes at offset " + offset);
        }
    }
}
