package io.ringflow.journal.durable;

import io.ringflow.pipeline.RecordType;

/**
 * One entry on its way from the {@link FastIngress} to the journaling thread: a pre-allocated record and
 * what its journal header needs. Slots are reused; nothing is allocated per entry.
 * <p>
 * Threading: written by the producer, read by the journaling thread after the ring publishes it.
 *
 * @param <T> record type.
 */
final class JournalSlot<T>
{
    /** A user record. */
    static final int RECORD = 0;
    /** A processing-time tick. */
    static final int TICK = 1;
    /** The end of the stream. */
    static final int END_OF_STREAM = 2;
    /** Not journaled: the producer halted after the barrier with id {@link #value}. */
    static final int HALT = 3;
    /** Not journaled: the producer's copy into the slot failed; the slot only keeps the ring in order. */
    static final int SKIP = 4;
    /** Not journaled: commit the open batch, whose last entry has {@link #sequence}. */
    static final int COMMIT = 5;

    final T record;
    int kind;
    long sequence;
    long timestamp;
    long ingestTimeNs;
    long appendTimeMs;
    long value;
    /** For a {@link #RECORD}: whether it is appended at once (closing a batch it joins), not only batched. */
    boolean commit;

    JournalSlot(final RecordType<T> type)
    {
        this.record = type.newInstance();
    }
}
