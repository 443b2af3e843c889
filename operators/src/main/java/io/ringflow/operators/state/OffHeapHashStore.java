package io.ringflow.operators.state;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.MutableDirectBuffer;

/**
 * SKELETON — implementation pending (see class Javadoc for the contract).
 * <p>
 * An off-heap, open-addressing hash table from keys of 1 to 3 {@code long}s to fixed-width value
 * slots: the storage of every keyed operator (window accumulators keyed by (key, window start),
 * timers by (key, namespace, timestamp), dedup sets, keyed value state).
 * <p>
 * <b>Layout.</b> One slot per entry: an 8-byte header (state + hash bits), the key longs, the value
 * bytes rounded up to 8. Linear probing; deletion by backward shift, so there are no tombstones.
 * <p>
 * <b>Growth.</b> When the load passes 0.7 a table of twice the capacity is allocated and entries move
 * across incrementally (a few slots per insert or remove, and any entry found in the old table is
 * moved on the spot), so no single call pays a pause proportional to the size beyond zeroing the new
 * memory. Presize with {@code initialCapacity} to avoid growth altogether.
 * <p>
 * <b>Offsets.</b> Value slots are addressed as {@code (buffer(), offset)}. An offset, and the buffer
 * reference, are valid only until the next call on this store.
 * <p>
 * Threading: single-threaded, no locks, no allocation on get/insert/remove except when growing.
 */
public final class OffHeapHashStore implements AutoCloseable
{
    /** Returned by {@link #find} when the key is absent. */
    public static final int NOT_FOUND = -1;

    /**
     * @param name            for error messages and snapshots.
     * @param keyLongs        key width: 1, 2 or 3 longs; unused key arguments are ignored.
     * @param valueBytes      value width in bytes, {@code >= 0}.
     * @param initialCapacity expected number of entries; the table is sized so that they fit without growth.
     */
    public OffHeapHashStore(final String name, final int keyLongs, final int valueBytes, final int initialCapacity)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return the buffer that value offsets refer to; re-read it after every call. */
    public MutableDirectBuffer buffer()
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return the value offset in {@link #buffer()}, or {@link #NOT_FOUND}.
     */
    public int find(final long k0, final long k1, final long k2)
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Find the entry or insert it with a zero-filled value; {@link #inserted()} tells which.
     *
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return the value offset in {@link #buffer()}.
     */
    public int getOrInsert(final long k0, final long k1, final long k2)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return whether the last {@link #getOrInsert} created its entry. */
    public boolean inserted()
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * @param k0 first key long.
     * @param k1 second (ignored when keyLongs &lt; 2).
     * @param k2 third (ignored when keyLongs &lt; 3).
     * @return whether an entry was removed.
     */
    public boolean remove(final long k0, final long k1, final long k2)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return number of entries. */
    public int size()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return off-heap bytes held now (both tables while growing). */
    public long memoryBytes()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return bytes one slot takes: 8 + 8 * keyLongs + valueBytes rounded up to 8. */
    public int slotBytes()
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Visit every entry, in an unspecified order. The visitor must not call this store.
     *
     * @param visitor receives each entry.
     */
    public void forEach(final EntryVisitor visitor)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** Remove every entry, keeping the memory. */
    public void clear()
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Write every entry (count, then keys and value bytes); independent of capacity and layout.
     *
     * @param out destination.
     */
    public void snapshot(final SnapshotWriter out)
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Replace the content with a {@link #snapshot}; key width and value width must match.
     *
     * @param in source.
     */
    public void restore(final SnapshotReader in)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** Free the off-heap memory. */
    @Override
    public void close()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** Receives entries from {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor
    {
        /**
         * @param k0          first key long.
         * @param k1          second (0 when unused).
         * @param k2          third (0 when unused).
         * @param buffer      holds the value.
         * @param valueOffset the value's offset.
         */
        void visit(long k0, long k1, long k2, MutableDirectBuffer buffer, int valueOffset);
    }
}
