package io.ringflow.journal;

/**
 * The on-disk layout of one output journal record, written by {@link OutputJournal}. Chronicle frames each
 * excerpt and assigns its index; everything inside is ours: one to {@link #SLOTS_PER_EXCERPT} records back to
 * back, each complete with its header and checksum, as in the input journal ({@link JournalRecordDescriptor}).
 * An output's position is made from its excerpt's index and its slot there, the slot in the low
 * {@link #SLOT_BITS} bits of the roll cycle's entry number ({@code EntryNumbering}).
 * <p>
 * One record:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+  0
 *  |                         magic 'RFO1'                          |
 *  +---------------------------------------------------------------+  4
 *  |                     format version (int)                      |
 *  +---------------------------------------------------------------+  8
 *  |                        schema id (int)                        |
 *  +---------------------------------------------------------------+ 12
 *  |                     schema version (int)                      |
 *  +---------------------------------------------------------------+ 16
 *  |                 payload length (int, bytes)                   |
 *  +---------------------------------------------------------------+ 20
 *  |   ordinal (int): this output's place among its input's, 0..   |
 *  +---------------------------------------------------------------+ 24
 *  |   input sequence (long): the input journal sequence of the    |
 *  |   input that caused this output                               |
 *  +---------------------------------------------------------------+ 32
 *  |          timestamp (long): the output's event time            |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 40
 *  |  position (long) = excerpt's index and record's slot           |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 48
 *  |               payload (RecordCodec encoding) ...              |
 *  +---------------------------------------------------------------+ 48 + payload length
 *  |       CRC32C of every byte from magic to payload end          |
 *  +---------------------------------------------------------------+
 * </pre>
 * All integers little-endian; the longs sit 8-byte aligned relative to the record start. (input
 * sequence, ordinal) is the output's idempotency key (see {@code SequencedSink}): a replay that
 * regenerates an output is recognised by it. The stored position lets a reader detect an excerpt copied
 * or spliced from elsewhere. The magic differs from the input journal's 'RFJ1', so that a reader handed
 * the wrong kind of journal says so.
 * <p>
 * Compatibility rule: a reader accepts format version {@link #FORMAT_VERSION} only and only the schema id
 * and version of the codec it is given; anything else is rejected with a {@link JournalException}, never
 * decoded. Version 1 (before 2026-11-27) held one output per excerpt, its position the excerpt's index; its
 * positions mean something else, so this build refuses such journals by name rather than misnumber them.
 */
public final class OutputRecordDescriptor
{
    /** "RFO1" little-endian. */
    public static final int MAGIC = 0x314F4652;
    /** Version of this layout; bump on any change above. */
    public static final int FORMAT_VERSION = 2;
    /** The bits of a position that number a record within its excerpt. */
    public static final int SLOT_BITS = JournalRecordDescriptor.SLOT_BITS;
    /** The most records one excerpt holds. */
    public static final int SLOTS_PER_EXCERPT = 1 << SLOT_BITS;

    public static final int MAGIC_OFFSET = 0;
    public static final int FORMAT_VERSION_OFFSET = 4;
    public static final int SCHEMA_ID_OFFSET = 8;
    public static final int SCHEMA_VERSION_OFFSET = 12;
    public static final int PAYLOAD_LENGTH_OFFSET = 16;
    public static final int ORDINAL_OFFSET = 20;
    public static final int INPUT_SEQUENCE_OFFSET = 24;
    public static final int TIMESTAMP_OFFSET = 32;
    public static final int POSITION_OFFSET = 40;
    /** Where the payload starts, and the header's length. */
    public static final int HEADER_LENGTH = 48;
    /** The CRC32C after the payload. */
    public static final int TRAILER_LENGTH = Integer.BYTES;

    private OutputRecordDescriptor()
    {
    }
}
