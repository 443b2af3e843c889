package io.ringflow.journal;

/**
 * The two kinds of journal, told apart by the magic every record starts with: what a tool handed an
 * arbitrary directory learns from {@link RawJournalReader#kind()}.
 * <p>
 * Threading: immutable.
 */
public enum JournalKind
{
    /** Written by {@link InputJournal}; records in the {@link JournalRecordDescriptor} layout. */
    INPUT(RecordFrame.INPUT),
    /** Written by {@link OutputJournal}; records in the {@link OutputRecordDescriptor} layout. */
    OUTPUT(RecordFrame.OUTPUT);

    private final RecordFrame frame;

    JournalKind(final RecordFrame frame)
    {
        this.frame = frame;
    }

    /** @return "input journal" or "output journal", for messages. */
    public String journalName()
    {
        return frame.kind + " journal";
    }

    /** @return what an entry's index is called in this kind: "sequence" or "position". */
    public String indexName()
    {
        return frame.indexName;
    }

    /** @return the magic every record of this kind starts with, little-endian. */
    public int magic()
    {
        return frame.magic;
    }

    /** @return the magic as its four characters: "RFJ1" or "RFO1". */
    public String magicText()
    {
        return RecordFrame.magicText(frame.magic);
    }

    /** @return the newest record format version this build reads and writes. */
    public int formatVersion()
    {
        return frame.formatVersion;
    }

    static JournalKind of(final RecordFrame frame)
    {
        return null == frame ? null : frame == RecordFrame.INPUT ? INPUT : OUTPUT;
    }
}
