package io.ringflow.journal.checkpoint;

/**
 * The on-disk layout of a checkpoint manifest, {@code checkpoint-<id>.manifest}: the file whose atomic
 * rename commits a checkpoint. It names every snapshot file of the checkpoint with its length and CRC32C,
 * so that a checkpoint is either wholly valid or detectably not.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+  0
 *  |                         magic 'RFC1'                          |
 *  +---------------------------------------------------------------+  4
 *  |                     format version (int)                      |
 *  +---------------------------------------------------------------+  8
 *  |          manifest length (int, bytes, trailer included)       |
 *  +---------------------------------------------------------------+ 12
 *  |                     snapshot count (int)                      |
 *  +---------------------------------------------------------------+ 16
 *  |        checkpoint id (long) = the id in the file's name       |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 24
 *  |         input sequence (long): the input journal position     |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 32
 *  |      output position (long): -1 if no output was written      |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 40
 *  |                created (long, epoch milliseconds)             |
 *  |                                                               |
 *  +---------------------------------------------------------------+ 48
 *  |              pipeline id length (int, UTF-8 bytes)            |
 *  +---------------------------------------------------------------+ 52
 *  |                     pipeline id (UTF-8) ...                   |
 *  +---------------------------------------------------------------+
 *  |  snapshot count entries, in the order they were added, each:  |
 *  |    name length (int) | name (ASCII, no ".snap") ...           |
 *  |    snapshot length (long, bytes) | snapshot CRC32C (int)      |
 *  +---------------------------------------------------------------+ manifest length - 4
 *  |     CRC32C of every byte from magic to the last entry's end   |
 *  +---------------------------------------------------------------+
 * </pre>
 * All integers little-endian. The variable part is not aligned: a manifest is read once, at recovery.
 * The length field lets a reader tell a truncated manifest from a corrupt one; the checkpoint id is
 * stored although the file name holds it, so that a manifest renamed or copied by hand is detected.
 * <p>
 * Compatibility rule: a reader accepts format versions up to {@link #FORMAT_VERSION}; anything it cannot
 * verify is treated as an invalid checkpoint (skipped loudly), never guessed at.
 */
public final class CheckpointManifestDescriptor
{
    /** "RFC1" little-endian. */
    public static final int MAGIC = 0x31434652;
    /** Version of this layout; bump on any change above. */
    public static final int FORMAT_VERSION = 1;

    public static final int MAGIC_OFFSET = 0;
    public static final int FORMAT_VERSION_OFFSET = 4;
    public static final int MANIFEST_LENGTH_OFFSET = 8;
    public static final int SNAPSHOT_COUNT_OFFSET = 12;
    public static final int CHECKPOINT_ID_OFFSET = 16;
    public static final int INPUT_SEQUENCE_OFFSET = 24;
    public static final int OUTPUT_POSITION_OFFSET = 32;
    public static final int CREATED_EPOCH_MS_OFFSET = 40;
    public static final int PIPELINE_ID_LENGTH_OFFSET = 48;
    /** Where the pipeline id starts, and the fixed header's length. */
    public static final int HEADER_LENGTH = 52;
    /** An entry's bytes besides its name: name length, snapshot length, CRC32C. */
    public static final int ENTRY_FIXED_LENGTH = Integer.BYTES + Long.BYTES + Integer.BYTES;
    /** The CRC32C at the end. */
    public static final int TRAILER_LENGTH = Integer.BYTES;
    /** The shortest possible manifest: an empty pipeline id and no snapshots. */
    public static final int MIN_LENGTH = HEADER_LENGTH + TRAILER_LENGTH;

    /** Longest pipeline id, in UTF-8 bytes. */
    public static final int MAX_PIPELINE_ID_LENGTH = 1024;
    /** Longest snapshot name: with ".snap.tmp" it stays within the 255-byte file name limit. */
    public static final int MAX_SNAPSHOT_NAME_LENGTH = 200;

    private CheckpointManifestDescriptor()
    {
    }
}
