package io.ringflow.journal;

/**
 * One entry read back from a journal: a mutable holder that a {@link JournalReader} overwrites on every
 * {@link JournalReader#next(JournalEntry)}, so that reading allocates nothing.
 * <p>
 * Threading: confined to the reader's thread.
 *
 * @param <T> record type.
 */
public final class JournalEntry<T>
{
    private final T record;
    private int type;
    private long sequence;
    private long ingestTimeNs;
    private long timestamp;

    /**
     * @param record pre-allocated record that RECORD entries are decoded into (the codec's
     *               {@code newInstance()}).
     */
    public JournalEntry(final T record)
    {
        this.record = record;
    }

    /** @return one of the {@code JournalRecordDescriptor.TYPE_*} constants. */
    public int type()
    {
        return type;
    }

    /** @return the journal index of this entry. */
    public long sequence()
    {
        return sequence;
    }

    /** @return when the ingress accepted it, epoch nanoseconds. */
    public long ingestTimeNs()
    {
        return ingestTimeNs;
    }

    /**
     * @return the event timestamp of a RECORD, the watermark of a WATERMARK, the processing time of a
     * PROCESSING_TIME_TICK, 0 for END_OF_STREAM.
     */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return the decoded record; only meaningful when {@link #type()} is RECORD. */
    public T record()
    {
        return record;
    }

    /** @return true if this is a user record rather than a control record. */
    public boolean isRecord()
    {
        return type == JournalRecordDescriptor.TYPE_RECORD;
    }

    void set(final int type, final long sequence, final long ingestTimeNs, final long timestamp)
    {
        this.type = type;
        this.sequence = sequence;
        this.ingestTimeNs = ingestTimeNs;
        this.timestamp = timestamp;
    }

    @Override
    public String toString()
    {
        return "JournalEntry{" + JournalRecordDescriptor.typeName(type) + ", sequence=" + sequence +
            ", ingestTimeNs=" + ingestTimeNs + ", timestamp=" + timestamp +
            (isRecord() ? ", record=" + record : "") + '}';
    }
}
