package io.ringflow.journal;

/**
 * What the journal record formats have in common, described once so that one writer and one checked
 * reader serve every kind of journal: a magic and a format version at offsets 0 and 4, a schema id, a
 * schema version, a payload length and the entry's own sequence or position somewhere in a fixed-length header, then
 * the payload, then a CRC32C over everything before it. An excerpt holds one such record, or for a kind
 * with {@link #slotBits} above 0 up to {@code 2^slotBits} of them back to back ({@link EntryNumbering}).
 * <p>
 * Each kind has its own magic so that a reader handed the other kind of journal says which kind it found
 * instead of calling it corrupt.
 * <p>
 * Threading: immutable.
 */
final class RecordFrame
{
    /** The input journal: {@link JournalRecordDescriptor}. */
    static final RecordFrame INPUT = new RecordFrame(
        "input", "journal", "sequence", "JournalReader",
        JournalRecordDescriptor.MAGIC,
        JournalRecordDescriptor.FORMAT_VERSION,
        JournalRecordDescriptor.FORMAT_VERSION,
        JournalRecordDescriptor.SLOT_BITS,
        JournalRecordDescriptor.HEADER_LENGTH,
        JournalRecordDescriptor.SCHEMA_ID_OFFSET,
        JournalRecordDescriptor.SCHEMA_VERSION_OFFSET,
        JournalRecordDescriptor.PAYLOAD_LENGTH_OFFSET,
        JournalRecordDescriptor.SEQUENCE_OFFSET);

    /** The output journal: {@link OutputRecordDescriptor}. */
    static final RecordFrame OUTPUT = new RecordFrame(
        "output", "output journal", "position", "OutputJournalReader",
        OutputRecordDescriptor.MAGIC,
        OutputRecordDescriptor.FORMAT_VERSION,
        OutputRecordDescriptor.FORMAT_VERSION,
        OutputRecordDescriptor.SLOT_BITS,
        OutputRecordDescriptor.HEADER_LENGTH,
        OutputRecordDescriptor.SCHEMA_ID_OFFSET,
        OutputRecordDescriptor.SCHEMA_VERSION_OFFSET,
        OutputRecordDescriptor.PAYLOAD_LENGTH_OFFSET,
        OutputRecordDescriptor.POSITION_OFFSET);

    static final int MAGIC_OFFSET = 0;
    static final int FORMAT_VERSION_OFFSET = 4;
    static final int TRAILER_LENGTH = Integer.BYTES;
    /** The shortest record of any kind: a header and a CRC32C, no payload. */
    static final int MIN_RECORD_LENGTH = Math.min(
        JournalRecordDescriptor.HEADER_LENGTH, OutputRecordDescriptor.HEADER_LENGTH) + TRAILER_LENGTH;

    final String kind;
    final String journalName;
    final String indexName;
    final String readerName;
    final int magic;
    /** The oldest format version this build reads. */
    final int minFormatVersion;
    /** The format version this build writes, and the newest it reads. */
    final int formatVersion;
    /** See {@link EntryNumbering}: 0 for one entry per excerpt. */
    final int slotBits;
    final int headerLength;
    final int schemaIdOffset;
    final int schemaVersionOffset;
    final int payloadLengthOffset;
    final int indexOffset;

    private RecordFrame(
        final String kind,
        final String journalName,
        final String indexName,
        final String readerName,
        final int magic,
        final int minFormatVersion,
        final int formatVersion,
        final int slotBits,
        final int headerLength,
        final int schemaIdOffset,
        final int schemaVersionOffset,
        final int payloadLengthOffset,
        final int indexOffset)
    {
        this.kind = kind;
        this.journalName = journalName;
        this.indexName = indexName;
        this.readerName = readerName;
        this.magic = magic;
        this.minFormatVersion = minFormatVersion;
        this.formatVersion = formatVersion;
        this.slotBits = slotBits;
        this.headerLength = headerLength;
        this.schemaIdOffset = schemaIdOffset;
        this.schemaVersionOffset = schemaVersionOffset;
        this.payloadLengthOffset = payloadLengthOffset;
        this.indexOffset = indexOffset;
    }

    /**
     * @param magic a magic read from an excerpt.
     * @return the kind of journal that writes it, or null if none does.
     */
    static RecordFrame ofMagic(final int magic)
    {
        return magic == INPUT.magic ? INPUT : magic == OUTPUT.magic ? OUTPUT : null;
    }

    int recordLength(final int payloadLength)
    {
        return headerLength + payloadLength + TRAILER_LENGTH;
    }

    /**
     * @param payloadLength a record header's payload length.
     * @param remaining     the excerpt's bytes from the record on.
     * @return the record's length, or -1 if the excerpt cannot hold it (in {@code long}: a corrupt length
     *         near {@code Integer.MAX_VALUE} must not wrap into a plausible one).
     */
    long plausibleRecordLength(final int payloadLength, final long remaining)
    {
        final long length = (long)recordLength(0) + payloadLength;
        return payloadLength < 0 || length > remaining ? -1 : length;
    }

    int crcOffset(final int payloadLength)
    {
        return headerLength + payloadLength;
    }

    /**
     * @param magic a magic, little-endian.
     * @return its four characters, for messages.
     */
    static String magicText(final int magic)
    {
        final char[] chars = new char[Integer.BYTES];
        for (int i = 0; i < chars.length; i++)
        {
            final int c = (magic >>> (8 * i)) & 0xFF;
            chars[i] = c >= 0x20 && c < 0x7F ? (char)c : '?';
        }
        return new String(chars);
    }
}
