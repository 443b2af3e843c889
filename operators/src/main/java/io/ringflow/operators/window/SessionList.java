package io.ringflow.operators.window;

import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The open sessions of each key as a list sorted by start, threaded through the window slots'
 * {@code next} field, with a head entry per key at namespace {@link #HEAD}. Sessions of one key are
 * disjoint and non-touching, so the sessions a new record's window intersects form one consecutive run
 * of the list. Keys rarely hold more than a few sessions, so walking the list is cheap.
 * <p>
 * Single-threaded; owned by a {@link WindowOperator}.
 */
final class SessionList
{
    /** Namespace of a key's head entry: no session can start at {@code Long.MIN_VALUE}. */
    static final long HEAD = Long.MIN_VALUE;
    /** "No session" in {@code next} fields and head entries. */
    static final long NO_WINDOW = Long.MIN_VALUE;

    private final OffHeapHashStore windows;
    private final int valueBytes;
    private final UnsafeBuffer scratch;
    private long[] runStarts = new long[8];
    private long[] runEnds = new long[8];
    private int runLength;
    private long previous;
    private long after;
    private int keysWithSessions;

    SessionList(final OffHeapHashStore windows, final int valueBytes)
    {
        this.windows = windows;
        this.valueBytes = valueBytes;
        this.scratch = new UnsafeBuffer(new byte[valueBytes]);
    }

    /**
     * Find the run of sessions of {@code key} that {@code [start, end)} intersects inclusively, and the
     * sessions just before and after it.
     *
     * @return true if the run is not empty.
     */
    boolean findOverlapping(final long key, final long start, final long end)
    {
        runLength = 0;
        previous = NO_WINDOW;
        final int head = windows.find(key, HEAD, 0);
        long current = head == OffHeapHashStore.NOT_FOUND ? NO_WINDOW : windows.buffer().getLong(head);
        while (current != NO_WINDOW)
        {
            final int slot = windows.find(key, current, 0);
            final MutableDirectBuffer buffer = windows.buffer();
            final long currentEnd = buffer.getLong(slot + WindowOperator.END_OFFSET);
            final long next = buffer.getLong(slot + WindowOperator.NEXT_OFFSET);
            if (current > end)
            {
                break;
            }
            if (currentEnd < start)
            {
                previous = current;
            }
            else
            {
                addToRun(current, currentEnd);
            }
            current = next;
        }
        after = current;
        return runLength > 0;
    }

    int runLength()
    {
        return runLength;
    }

    long runStart(final int i)
    {
        return runStarts[i];
    }

    long runEnd(final int i)
    {
        return runEnds[i];
    }

    /** @return the first session after the run found last, or {@link #NO_WINDOW}. */
    long after()
    {
        return after;
    }

    MutableDirectBuffer scratch()
    {
        return scratch;
    }

    int keysWithSessions()
    {
        return keysWithSessions;
    }

    /** Create the slot of a new session between the previous session and the run's successor. */
    void insert(final long key, final long start)
    {
        windows.getOrInsert(key, start, 0);
        linkAfterPrevious(key, start);
    }

    /** Point the previous session (or the key's head) at {@code start}. */
    void linkAfterPrevious(final long key, final long start)
    {
        if (previous == NO_WINDOW)
        {
            final int head = windows.getOrInsert(key, HEAD, 0);
            if (windows.inserted())
            {
                keysWithSessions++;
            }
            windows.buffer().putLong(head, start);
        }
        else
        {
            final int slot = windows.find(key, previous, 0);
            windows.buffer().putLong(slot + WindowOperator.NEXT_OFFSET, start);
        }
    }

    /** Copy a session's slot into the scratch buffer and remove it from the store. */
    void moveToScratch(final long key, final long start)
    {
        final int slot = windows.find(key, start, 0);
        scratch.putBytes(0, windows.buffer(), slot, valueBytes);
        windows.remove(key, start, 0);
    }

    /** Store the scratch buffer as the slot of {@code start}. */
    void insertFromScratch(final long key, final long start)
    {
        final int slot = windows.getOrInsert(key, start, 0);
        windows.buffer().putBytes(slot, scratch, 0, valueBytes);
    }

    /** A session already removed from the store leaves the list; {@code next} was its successor. */
    void unlink(final long key, final long start, final long next)
    {
        final int head = windows.find(key, HEAD, 0);
        final long first = windows.buffer().getLong(head);
        if (first == start)
        {
            if (next == NO_WINDOW)
            {
                windows.remove(key, HEAD, 0);
                keysWithSessions--;
            }
            else
            {
                windows.buffer().putLong(head, next);
            }
            return;
        }
        long current = first;
        while (current != NO_WINDOW)
        {
            final int slot = windows.find(key, current, 0);
            final long following = windows.buffer().getLong(slot + WindowOperator.NEXT_OFFSET);
            if (following == start)
            {
                windows.buffer().putLong(slot + WindowOperator.NEXT_OFFSET, next);
                return;
            }
            current = following;
        }
        throw new IllegalStateException("session [" + start + ", …) of key " + key + " is not in its key's list");
    }

    /** Recount head entries after a restore. */
    void recount()
    {
        final int[] heads = new int[1];
        windows.forEach((k0, k1, k2, buffer, offset) ->
        {
            if (k1 == HEAD)
            {
                heads[0]++;
            }
        });
        keysWithSessions = heads[0];
    }

    private void addToRun(final long start, final long end)
    {
        if (runLength == runStarts.length)
        {
            runStarts = Arrays.copyOf(runStarts, runLength * 2);
            runEnds = Arrays.copyOf(runEnds, runLength * 2);
        }
        runStarts[runLength] = start;
        runEnds[runLength] = end;
        runLength++;
    }
}
