package io.ringflow.operators.time;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

/**
 * SKELETON — implementation pending (see class Javadoc for the contract).
 * <p>
 * Event-time timers of a keyed operator: a min-heap of (timestamp, key, namespace) off-heap, plus a
 * set that makes registration idempotent. Timers fire in the total order (timestamp, key, namespace),
 * so the firing order depends only on which timers exist, never on the order they were registered
 * in, and a restored queue fires exactly as the original would have.
 * <p>
 * Deletion is lazy: a deleted timer stays in the heap, marked dead in the set, and is skipped when it
 * reaches the top; registering it again before then revives it. The heap therefore holds at most
 * one entry per (timestamp, key, namespace).
 * <p>
 * Typical loop, on a watermark {@code wm}:
 * <pre>{@code
 * while (timers.poll(wm)) { fire(timers.timestamp(), timers.key(), timers.namespace()); }
 * }</pre>
 * Threading: single-threaded; no allocation except when the heap grows.
 */
public final class TimerQueue implements AutoCloseable
{
    /**
     * @param name            for errors and snapshots.
     * @param initialCapacity expected number of live timers.
     */
    public TimerQueue(final String name, final int initialCapacity)
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * @param timestamp when it fires: once the watermark is at or past it.
     * @param key       the key it belongs to.
     * @param namespace what it is for (a window start, a state id, …).
     * @return true if it was not registered already.
     */
    public boolean register(final long timestamp, final long key, final long namespace)
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * @param timestamp as registered.
     * @param key       as registered.
     * @param namespace as registered.
     * @return true if a live timer was deleted.
     */
    public boolean delete(final long timestamp, final long key, final long namespace)
    {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Take the next live timer due at or before {@code watermark}, if any; its fields are then read
     * with {@link #timestamp()}, {@link #key()}, {@link #namespace()}. Timers registered while
     * polling are seen by later polls.
     *
     * @param watermark the current watermark.
     * @return false when no live timer is due.
     */
    public boolean poll(final long watermark)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return timestamp of the timer last polled. */
    public long timestamp()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return key of the timer last polled. */
    public long key()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return namespace of the timer last polled. */
    public long namespace()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return the earliest live timer's timestamp, or {@code Long.MAX_VALUE} when none. */
    public long nextTimestamp()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return number of live timers. */
    public int size()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @return off-heap bytes held now. */
    public long memoryBytes()
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @param out destination: the live timers. */
    public void snapshot(final SnapshotWriter out)
    {
        throw new UnsupportedOperationException("pending");
    }

    /** @param in replaces the content with a {@link #snapshot}. */
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
}
