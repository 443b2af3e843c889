package io.ringflow.journal;

/**
 * One entry read back from an output journal: a mutable holder that an {@link OutputJournalReader}
 * overwrites on every {@link OutputJournalReader#next(OutputJournalEntry)}, so that reading allocates
 * nothing.
 * <p>
 * Threading: confined to the reader's thread.
 *
 * @param <T> record type.
 */
public final class OutputJournalEntry<T>
{
    private final T record;
    private long timestamp;
    private long inputSequence;
    private int ordinal;
    private long position;

    /**
     * @param record pre-allocated record that entries are decoded into (the codec's {@code newInstance()}).
     */
    public OutputJournalEntry(final T record)
    {
        this.record = record;
    }

    /** @return the decoded record. */
    public T record()
    {
        return record;
    }

    /** @return the output's event time. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return the input journal sequence of the input that caused this output. */
    public long inputSequence()
    {
        return inputSequence;
    }

    /** @return this output's place among its input's outputs, from 0. */
    public int ordinal()
    {
        return ordinal;
    }

    /** @return the output journal index of this entry. */
    public long position()
    {
        return position;
    }

    void set(final long timestamp, final long inputSequence, final int ordinal, final long position)
    {
        this.timestamp = timestamp;
        this.inputSequence = inputSequence;
        this.ordinal = ordinal;
        this.position = position;
    }

    @Override
    public String toString()
    {
        return "OutputJournalEntry{position=" + position + ", inputSequence=" + inputSequence + ", ordinal=" + ordinal +
            ", timestamp=" + timestamp + ", record=" + record + '}';
    }
}
