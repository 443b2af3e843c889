package io.ringflow.operators.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Appends state to a growable buffer, little-endian. Snapshots are taken between records, off the
 * per-record path, so the buffer may grow.
 * <p>
 * Threading: single-threaded; owned by whoever takes the snapshot.
 */
public final class SnapshotWriter
{
    private final ExpandableArrayBuffer buffer;
    private int position;

    /** A writer with a small initial buffer. */
    public SnapshotWriter()
    {
        this(4096);
    }

    /**
     * @param initialCapacity initial buffer size in bytes.
     */
    public SnapshotWriter(final int initialCapacity)
    {
        buffer = new ExpandableArrayBuffer(initialCapacity);
    }

    /** @return bytes written so far. */
    public int position()
    {
        return position;
    }

    /**
     * Start over at position 0, keeping the buffer (and its grown capacity) for the next snapshot.
     *
     * @return this.
     */
    public SnapshotWriter reset()
    {
        position = 0;
        return this;
    }

    /** @return the underlying buffer; bytes {@code [0, position())} are the snapshot. */
    public ExpandableArrayBuffer buffer()
    {
        return buffer;
    }

    /** @return a copy of what was written. */
    public byte[] toByteArray()
    {
        final byte[] bytes = new byte[position];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * @param value appended.
     * @return this.
     */
    public SnapshotWriter putLong(final long value)
    {
        buffer.putLong(position, value);
        position += Long.BYTES;
        return this;
    }

    /**
     * @param value appended.
     * @return this.
     */
    public SnapshotWriter putInt(final int value)
    {
        buffer.putInt(position, value);
        position += Integer.BYTES;
        return this;
    }

    /**
     * @param value appended.
     * @return this.
     */
    public SnapshotWriter putShort(final short value)
    {
        buffer.putShort(position, value);
        position += Short.BYTES;
        return this;
    }

    /**
     * @param value appended.
     * @return this.
     */
    public SnapshotWriter putByte(final byte value)
    {
        buffer.putByte(position, value);
        position += Byte.BYTES;
        return this;
    }

    /**
     * @param value appended as one byte.
     * @return this.
     */
    public SnapshotWriter putBoolean(final boolean value)
    {
        return putByte(value ? (byte)1 : (byte)0);
    }

    /**
     * @param src    source buffer.
     * @param offset first byte.
     * @param length byte count.
     * @return this.
     */
    public SnapshotWriter putBytes(final DirectBuffer src, final int offset, final int length)
    {
        buffer.putBytes(position, src, offset, length);
        position += length;
        return this;
    }

    /**
     * @param value appended as a length-prefixed UTF-8 string.
     * @return this.
     */
    public SnapshotWriter putString(final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        buffer.putBytes(position, bytes);
        position += bytes.length;
        return this;
    }

    /**
     * Overwrite an int written earlier (a length filled in after its body).
     *
     * @param at    absolute position.
     * @param value new value.
     */
    void putIntAt(final int at, final int value)
    {
        buffer.putInt(at, value);
    }
}
