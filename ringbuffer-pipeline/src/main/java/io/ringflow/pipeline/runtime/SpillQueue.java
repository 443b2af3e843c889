package io.ringflow.pipeline.runtime;

import io.ringflow.pipeline.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable FIFO of ring events (record copies with their envelopes), for a stepped merge: when a
 * partition finds its ring to the merge full, the merge takes the ring's events into this queue instead
 * of running — one thread cannot run the merge inside a partition that the merge may need to run, see
 * {@link MergedInput}. Its events come before the ring's. It grows to what one step of the partitions
 * produces beyond the ring, and allocates only while growing.
 * <p>
 * Threading: the stepping thread.
 *
 * @param <T> record type.
 */
final class SpillQueue<T>
{
    private final RecordType<T> type;
    private final List<T> records = new ArrayList<>();
    private Envelopes envelopes = new Envelopes(16, true);
    private long head;
    private long tail;

    SpillQueue(final RecordType<T> type)
    {
        this.type = type;
        fillRecords();
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    /** @return the envelopes of the queue's slots (replaced when it grows). */
    Envelopes envelopes()
    {
        return envelopes;
    }

    /** @return the slot of the oldest event. */
    int headIndex()
    {
        return envelopes.index(head);
    }

    T headRecord()
    {
        return records.get(headIndex());
    }

    void removeHead()
    {
        head++;
    }

    /**
     * Copy one ring event to the end of the queue.
     *
     * @param record its record.
     * @param from   the ring's envelopes.
     * @param index  its slot there.
     */
    void add(final T record, final Envelopes from, final int index)
    {
        if (tail - head == envelopes.kinds.length)
        {
            grow();
        }
        final int to = envelopes.index(tail++);
        type.copy(record, records.get(to));
        from.copyTo(index, envelopes, to);
    }

    private void grow()
    {
        final int capacity = envelopes.kinds.length;
        final Envelopes bigger = new Envelopes(capacity * 2, true);
        final List<T> reordered = new ArrayList<>(capacity * 2);
        // the queue is full: its slots from head on, in order, become slots 0.. of the bigger queue
        for (long i = head; i < head + capacity; i++)
        {
            final int from = envelopes.index(i);
            envelopes.copyTo(from, bigger, reordered.size());
            reordered.add(records.get(from));
        }
        records.clear();
        records.addAll(reordered);
        tail -= head;
        head = 0;
        envelopes = bigger;
        fillRecords();
    }

    private void fillRecords()
    {
        while (records.size() < envelopes.kinds.length)
        {
            records.add(type.newInstance());
        }
    }
}
