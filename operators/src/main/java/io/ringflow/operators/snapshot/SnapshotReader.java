package io.ringflow.operators.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link SnapshotWriter} wrote, checking every read against the end of the data so that
 * a truncated snapshot fails with a {@link SnapshotException} naming the source and the offset
 * instead of reading garbage.
 * <p>
 * Threading: single-threaded.
 */
public final class SnapshotReader
{
    private final DirectBuffer buffer;
    private final String source;
    private int position;
    private int limit;

    /**
     * @param bytes  the snapshot.
     * @param source what it is, for error messages (a file name, "checkpoint 12", …).
     */
    public SnapshotReader(final byte[] bytes, final String source)
    {
        this(new UnsafeBuffer(bytes), 0, bytes.length, source);
    }

    /**
     * @param buffer holds the snapshot.
     * @param offset its first byte.
     * @param length its length.
     * @param source what it is, for error messages.
     */
    public SnapshotReader(final DirectBuffer buffer, final int offset, final int length, final String source)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.source = source;
    }

    /** @return the description given at construction. */
    public String source()
    {
        return source;
    }

    /** @return current read position. */
    public int position()
    {
        return position;
    }

    /** @return bytes left before the limit. */
    public int remaining()
    {
        return limit - position;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int limit()
    {
        return limit;
    }

    void limit(final int limit)
    {
        this.limit = limit;
    }

    void position(final int position)
    {
        this.position = position;
    }

    /** @return the next long. */
    public long getLong()
    {
        require(Long.BYTES, "long");
        final long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    /** @return the next int. */
    public int getInt()
    {
        require(Integer.BYTES, "int");
        final int value = buffer.getInt(position);
        position += Integer.BYTES;
        return value;
    }

    /** @return the next short. */
    public short getShort()
    {
        require(Short.BYTES, "short");
        final short value = buffer.getShort(position);
        position += Short.BYTES;
        return value;
    }

    /** @return the next byte. */
    public byte getByte()
    {
        require(Byte.BYTES, "byte");
        return buffer.getByte(position++);
    }

    /** @return the next boolean (one byte, 0 or 1). */
    public boolean getBoolean()
    {
        final int offset = position;
        final byte value = getByte();
        if (value != 0 && value != 1)
        {
            throw corrupt("boolean byte " + value + " at offset " + offset);
        }
        return value == 1;
    }

    /**
     * @param dst       destination.
     * @param dstOffset where in it.
     * @param length    byte count.
     */
    public void getBytes(final MutableDirectBuffer dst, final int dstOffset, final int length)
    {
        require(length, length + " bytes");
        dst.putBytes(dstOffset, buffer, position, length);
        position += length;
    }

    /** @return the next length-prefixed UTF-8 string. */
    public String getString()
    {
        final int length = getInt();
        if (length < 0)
        {
            throw corrupt("negative string length " + length + " at offset " + (position - Integer.BYTES));
        }
        require(length, "string of " + length + " bytes");
        final byte[] bytes = new byte[length];
        buffer.getBytes(position, bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Read a count and check it is in {@code [0, max]}: a corrupt count must not drive a huge loop or
     * allocation.
     *
     * @param what what is counted, for the error.
     * @param max  the largest sensible value.
     * @return the count.
     */
    public int getCount(final String what, final long max)
    {
        final int offset = position;
        final int count = getInt();
        if (count < 0 || count > max)
        {
            throw corrupt(what + " count " + count + " at offset " + offset + " is outside [0, " + max + "]");
        }
        return count;
    }

    /**
     * @param what what is inconsistent and where.
     * @return an exception naming the source; the caller throws it.
     */
    public SnapshotException corrupt(final String what)
    {
        return new SnapshotException("corrupt snapshot " + source + ": " + what);
    }

    private void require(final int bytes, final String what)
    {
        if (bytes < 0 || position + bytes > limit)
        {
            throw new SnapshotException("truncated snapshot " + source + ": needed " + what + " at offset " +
                position + " but it ends at " + limit);
        }
    }
}
