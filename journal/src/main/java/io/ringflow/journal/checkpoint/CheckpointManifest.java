package io.ringflow.journal.checkpoint;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

import static io.ringflow.journal.checkpoint.CheckpointManifestDescriptor.*;

/**
 * Encodes and decodes the {@link CheckpointManifestDescriptor} layout. Decoding checks everything it
 * can before it trusts a field: length, magic, version, declared length, CRC32C, then every bound.
 */
final class CheckpointManifest
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private CheckpointManifest()
    {
    }

    static byte[] encode(final Checkpoint checkpoint)
    {
        final byte[] pipelineId = checkpoint.pipelineId().getBytes(StandardCharsets.UTF_8);
        final List<SnapshotEntry> entries = checkpoint.entries();
        int length = HEADER_LENGTH + pipelineId.length + TRAILER_LENGTH;
        for (final SnapshotEntry entry : entries)
        {
            // Names are ASCII, so their length in chars is their length in bytes.
            length += ENTRY_FIXED_LENGTH + entry.name().length();
        }

        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ORDER);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION);
        buffer.putInt(MANIFEST_LENGTH_OFFSET, length);
        buffer.putInt(SNAPSHOT_COUNT_OFFSET, entries.size());
        buffer.putLong(CHECKPOINT_ID_OFFSET, checkpoint.checkpointId());
        buffer.putLong(INPUT_SEQUENCE_OFFSET, checkpoint.inputSequence());
        buffer.putLong(OUTPUT_POSITION_OFFSET, checkpoint.outputPosition());
        buffer.putLong(CREATED_EPOCH_MS_OFFSET, checkpoint.createdEpochMs());
        buffer.putInt(PIPELINE_ID_LENGTH_OFFSET, pipelineId.length);
        buffer.position(HEADER_LENGTH);
        buffer.put(pipelineId);
        for (final SnapshotEntry entry : entries)
        {
            buffer.putInt(entry.name().length());
            buffer.put(entry.name().getBytes(StandardCharsets.US_ASCII));
            buffer.putLong(entry.length());
            buffer.putInt(entry.crc());
        }
        buffer.putInt(crc(buffer.array(), length - TRAILER_LENGTH));
        return buffer.array();
    }

    /**
     * @param storeDirectory where the checkpoint's snapshots live.
     * @param checkpointId   the id in the manifest's file name.
     * @param bytes          the whole manifest file.
     * @return the checkpoint it describes; its snapshot files are not checked here.
     * @throws InvalidCheckpointException saying what is wrong.
     */
    static Checkpoint decode(final Path storeDirectory, final long checkpointId, final byte[] bytes)
        throws InvalidCheckpointException
    {
        if (bytes.length < MIN_LENGTH)
        {
            throw new InvalidCheckpointException("truncated manifest of " + bytes.length +
                " bytes; a manifest has at least " + MIN_LENGTH);
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ORDER);
        final int magic = buffer.getInt(MAGIC_OFFSET);
        if (magic != MAGIC)
        {
            throw new InvalidCheckpointException(String.format(
                "bad magic 0x%08x (expected 0x%08x): not a Ringflow checkpoint manifest", magic, MAGIC));
        }
        final int formatVersion = buffer.getInt(FORMAT_VERSION_OFFSET);
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION)
        {
            throw new InvalidCheckpointException("manifest format version " + formatVersion +
                "; this build reads versions 1.." + FORMAT_VERSION);
        }
        final int declaredLength = buffer.getInt(MANIFEST_LENGTH_OFFSET);
        if (declaredLength != bytes.length)
        {
            throw new InvalidCheckpointException("truncated or overlong manifest: its header declares " +
                declaredLength + " bytes but the file holds " + bytes.length);
        }
        final int stored = buffer.getInt(bytes.length - TRAILER_LENGTH);
        final int computed = crc(bytes, bytes.length - TRAILER_LENGTH);
        if (stored != computed)
        {
            throw new InvalidCheckpointException(String.format(
                "manifest checksum mismatch (stored 0x%08x, computed 0x%08x)", stored, computed));
        }
        final long storedId = buffer.getLong(CHECKPOINT_ID_OFFSET);
        if (storedId != checkpointId)
        {
            throw new InvalidCheckpointException("manifest belongs to checkpoint " + storedId +
                ", not " + checkpointId + ": renamed or copied by hand");
        }

        buffer.limit(bytes.length - TRAILER_LENGTH).position(HEADER_LENGTH);
        try
        {
            final String pipelineId = new String(
                getBytes(buffer, buffer.getInt(PIPELINE_ID_LENGTH_OFFSET)), StandardCharsets.UTF_8);
            final List<SnapshotEntry> entries = decodeEntries(buffer, buffer.getInt(SNAPSHOT_COUNT_OFFSET));
            if (buffer.hasRemaining())
            {
                throw new InvalidCheckpointException(buffer.remaining() + " unexpected bytes after the last entry");
            }
            return new Checkpoint(
                storeDirectory,
                checkpointId,
                pipelineId,
                buffer.getLong(INPUT_SEQUENCE_OFFSET),
                buffer.getLong(OUTPUT_POSITION_OFFSET),
                buffer.getLong(CREATED_EPOCH_MS_OFFSET),
                entries);
        }
        catch (final BufferUnderflowException ex)
        {
            throw new InvalidCheckpointException("manifest fields overrun its length of " + bytes.length + " bytes");
        }
    }

    private static List<SnapshotEntry> decodeEntries(final ByteBuffer buffer, final int count)
        throws InvalidCheckpointException
    {
        // Each entry takes at least ENTRY_FIXED_LENGTH bytes: a count beyond that is corrupt, not a reason
        // to allocate a huge list.
        if (count < 0 || count > buffer.remaining() / ENTRY_FIXED_LENGTH)
        {
            throw new InvalidCheckpointException("impossible snapshot count " + count);
        }
        final List<SnapshotEntry> entries = new ArrayList<>(count);
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++)
        {
            final String name = new String(getBytes(buffer, buffer.getInt()), StandardCharsets.US_ASCII);
            final long length = buffer.getLong();
            final int crc = buffer.getInt();
            if (!CheckpointFiles.isValidSnapshotName(name) || !names.add(name) || length < 0)
            {
                throw new InvalidCheckpointException("snapshot entry " + i + " is invalid (name '" + name +
                    "', length " + length + ")");
            }
            entries.add(new SnapshotEntry(name, length, crc));
        }
        return entries;
    }

    private static byte[] getBytes(final ByteBuffer buffer, final int length)
    {
        if (length < 0 || length > buffer.remaining())
        {
            throw new BufferUnderflowException();
        }
        final byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static int crc(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int)crc.getValue();
    }
}
