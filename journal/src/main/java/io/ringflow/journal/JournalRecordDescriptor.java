package io.ringflow.journal;

/**
 * The on-disk layout of one input journal record. Chronicle frames each excerpt (its own 4-byte length
 * header) and assigns its index; everything inside is ours: one to {@link #SLOTS_PER_EXCERPT} records back
 * to back, each complete with its own header and checksum, the first in slot 0.
 * <pre>
 *  excerpt: | record, slot 0 | record, slot 1 | ... | record, slot n-1 |       n = 1..SLOTS_PER_EXCERPT
 * </pre>
 * A record's sequence is made from its excerpt's index and its slot (see {@code EntryNumbering}): within a
 * roll cycle's entry number, the low {@link #SLOT_BITS} bits are the slot. Several records in one excerpt
 * share one Chronicle append (about 200 ns, the journal's main cost per record otherwise); a producer asks
 * for that with {@code InputJournal.appendToBatch}, and every other append writes an excerpt at once.
 * <p>
 * One record:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+  0
 *  |                         magic 'RFJ1'                          |
 *  +---------------------------------------------------------------+  4
 *  |                     format version (int)                      |
 *  +---------------------------------------------------------------+  8
 *  |                      record type (int)                        |
 *  +---------------------------------------------------------------+ 12
 *  |                schema id (int, 0 for control)                 |
 *  +---------------------------------------------------------------+ 16
 *  |             schema version (int, 0 for control)               |
 *  +---------------------------------------------------------------+ 20
 *  |                 payload length (int, bytes)                   |
 *  +---------------------------------------------------------------+ 24
 *  |  ingress sequence (long) = excerpt's index and record's slot  |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 32
 *  |            ingest time (long, epoch nanoseconds)              |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 40
 *  |  timestamp (long): event time of a RECORD, the watermark of   |
 *  |  a WATERMARK, the processing time of a PROCESSING_TIME_TICK   |
 *  +---------------------------------------------------------------+ 48
 *  |               payload (RecordCodec encoding) ...              |
 *  +---------------------------------------------------------------+ 48 + payload length
 *  |       CRC32C of every byte from magic to payload end          |
 *  +---------------------------------------------------------------+
 * </pre>
 * All integers little-endian; the longs sit 8-byte aligned relative to the record start (which itself is
 * not aligned after a payload whose length is not a multiple of 8). Storing the sequence although
 * Chronicle knows the index lets a reader detect a record that was copied or spliced from another journal
 * or another place. Timestamps are in the pipeline's own unit (see DESIGN.md); only the
 * ingest time has a fixed unit.
 * <p>
 * Compatibility rule: a reader accepts format version {@link #FORMAT_VERSION} only and, for RECORD
 * records, only the schema id and version of the codec it is given; anything else is rejected with a
 * {@link JournalException}, never decoded. Version 1 (before 2026-11-27) held one record per excerpt, its
 * sequence the excerpt's index; its sequences mean something else, so this build refuses such journals
 * by name rather than misnumber them.
 */
public final class JournalRecordDescriptor
{
    /** "RFJ1" little-endian. */
    public static final int MAGIC = 0x314A4652;
    /** Version of this layout; bump on any change above. */
    public static final int FORMAT_VERSION = 2;
    /** The bits of a sequence that number a record within its excerpt. */
    public static final int SLOT_BITS = 6;
    /** The most records one excerpt holds. */
    public static final int SLOTS_PER_EXCERPT = 1 << SLOT_BITS;

    /** A user record with a codec-encoded payload. */
    public static final int TYPE_RECORD = 1;
    /** A watermark; no payload. */
    public static final int TYPE_WATERMARK = 2;
    /** A processing-time tick, journaled so that replays see the same processing time; no payload. */
    public static final int TYPE_PROCESSING_TIME_TICK = 3;
    /** The end of the input; no payload. */
    public static final int TYPE_END_OF_STREAM = 4;

    public static final int MAGIC_OFFSET = 0;
    public static final int FORMAT_VERSION_OFFSET = 4;
    public static final int TYPE_OFFSET = 8;
    public static final int SCHEMA_ID_OFFSET = 12;
    public static final int SCHEMA_VERSION_OFFSET = 16;
    public static final int PAYLOAD_LENGTH_OFFSET = 20;
    public static final int SEQUENCE_OFFSET = 24;
    public static final int INGEST_TIME_NS_OFFSET = 32;
    public static final int TIMESTAMP_OFFSET = 40;
    /** Where the payload starts, and the header's length. */
    public static final int HEADER_LENGTH = 48;
    /** The CRC32C after the payload. */
    public static final int TRAILER_LENGTH = Integer.BYTES;

    private JournalRecordDescriptor()
    {
    }

    /**
     * @param payloadLength payload bytes.
     * @return the whole record's length.
     */
    public static int recordLength(final int payloadLength)
    {
        return HEADER_LENGTH + payloadLength + TRAILER_LENGTH;
    }

    /**
     * @param payloadLength payload bytes.
     * @return where the CRC32C sits.
     */
    public static int crcOffset(final int payloadLength)
    {
        return HEADER_LENGTH + payloadLength;
    }

    /**
     * @param type a record type.
     * @return its name, for errors and dumps.
     */
    public static String typeName(final int type)
    {
        switch (type)
        {
            case TYPE_RECORD:
                return "RECORD";
            case TYPE_WATERMARK:
                return "WATERMARK";
            case TYPE_PROCESSING_TIME_TICK:
                return "PROCESSING_TIME_TICK";
            case TYPE_END_OF_STREAM:
                return "END_OF_STREAM";
            default:
                return "UNKNOWN(" + type + ")";
        }
    }
}
