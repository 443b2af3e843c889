package io.ringflow.operators.snapshot;

import org.agrona.DirectBuffer;

import java.util.zip.CRC32C;

/**
 * Frames a {@link Snapshottable}'s state with a type, a version and a CRC32C, and checks all three on
 * restore. Frames nest: an operator chain writes one frame holding its operators' frames.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                       magic 'RFS1'                            |
 *  +---------------------------------------------------------------+
 *  |                   type length (int, bytes)                    |
 *  +---------------------------------------------------------------+
 *  |                     type (UTF-8) ...                          |
 *  +---------------------------------------------------------------+
 *  |                    state version (int)                        |
 *  +---------------------------------------------------------------+
 *  |                    body length (int)                          |
 *  +---------------------------------------------------------------+
 *  |                    body (the state) ...                       |
 *  +---------------------------------------------------------------+
 *  |          CRC32C of every byte from magic to body end          |
 *  +---------------------------------------------------------------+
 * </pre>
 * All integers little-endian.
 */
public final class Snapshots
{
    /** "RFS1" little-endian. */
    public static final int MAGIC = 0x31534652;

    private Snapshots()
    {
    }

    /**
     * Write one framed snapshot of {@code state}.
     *
     * @param state source.
     * @param out   destination.
     */
    public static void write(final Snapshottable state, final SnapshotWriter out)
    {
        final int start = out.position();
        out.putInt(MAGIC).putString(state.snapshotType()).putInt(state.snapshotVersion());
        final int lengthAt = out.position();
        out.putInt(0);
        final int bodyStart = out.position();
        state.snapshotState(out);
        out.putIntAt(lengthAt, out.position() - bodyStart);
        out.putInt(crc(out.buffer(), start, out.position() - start));
    }

    /**
     * @param state source.
     * @return a framed snapshot of it.
     */
    public static byte[] toBytes(final Snapshottable state)
    {
        final SnapshotWriter out = new SnapshotWriter();
        write(state, out);
        return out.toByteArray();
    }

    /**
     * Read one framed snapshot into {@code state}, checking magic, type, checksum and length.
     *
     * @param state destination, freshly opened.
     * @param in    source, positioned at a frame.
     * @throws SnapshotException naming the source and what failed.
     */
    public static void read(final Snapshottable state, final SnapshotReader in)
    {
        final int start = in.position();
        final int magic = in.getInt();
        if (magic != MAGIC)
        {
            throw in.corrupt(String.format("bad magic 0x%08x at offset %d (expected 0x%08x)", magic, start, MAGIC));
        }
        final String type = in.getString();
        final int version = in.getInt();
        final int bodyLength = in.getInt();
        if (bodyLength < 0 || bodyLength > in.remaining() - Integer.BYTES)
        {
            throw new SnapshotException("truncated snapshot " + in.source() + ": frame '" + type + "' at offset " +
                start + " declares a body of " + bodyLength + " bytes but only " +
                Math.max(0, in.remaining() - Integer.BYTES) + " remain before its checksum");
        }
        final int bodyStart = in.position();
        final int bodyEnd = bodyStart + bodyLength;
        final int expected = in.buffer().getInt(bodyEnd);
        final int actual = crc(in.buffer(), start, bodyEnd - start);
        if (expected != actual)
        {
            throw in.corrupt(String.format("checksum mismatch in frame '%s' at offset %d: stored 0x%08x, computed 0x%08x",
                type, start, expected, actual));
        }
        if (!type.equals(state.snapshotType()))
        {
            throw new SnapshotException("snapshot " + in.source() + " holds '" + type + "' state, cannot restore it into '" +
                state.snapshotType() + "'");
        }
        if (version > state.snapshotVersion() || version < 1)
        {
            throw new SnapshotException("snapshot " + in.source() + " has '" + type + "' state version " + version +
                "; this build reads versions 1.." + state.snapshotVersion());
        }
        final int outerLimit = in.limit();
        in.limit(bodyEnd);
        state.restoreState(in, version);
        if (in.position() != bodyEnd)
        {
            throw in.corrupt("frame '" + type + "' body has " + (bodyEnd - in.position()) + " unread bytes");
        }
        in.limit(outerLimit);
        in.position(bodyEnd + Integer.BYTES);
    }

    /**
     * @param state  destination, freshly opened.
     * @param bytes  a framed snapshot.
     * @param source what it is, for errors.
     */
    public static void restore(final Snapshottable state, final byte[] bytes, final String source)
    {
        final SnapshotReader in = new SnapshotReader(bytes, source);
        read(state, in);
        if (in.remaining() != 0)
        {
            throw in.corrupt(in.remaining() + " trailing bytes after the snapshot frame");
        }
    }

    private static int crc(final DirectBuffer buffer, final int offset, final int length)
    {
        final CRC32C crc = new CRC32C();
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            crc.update(array, buffer.wrapAdjustment() + offset, length);
        }
        else
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            crc.update(copy, 0, length);
        }
        return (int)crc.getValue();
    }
}
