package io.ringflow.operators.join;

import io.ringflow.operators.record.RecordCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes a {@link Tagged} record as its side (one byte) followed by that side's own encoding; decodes
 * into the side's {@link SidePool} rather than into the record passed in, which only learns the side.
 * Lives inside one window join, whose buffered windows it encodes and decodes.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 */
final class TaggedCodec<L, R> implements RecordCodec<Tagged<L, R>>
{
    private final RecordCodec<L> leftCodec;
    private final RecordCodec<R> rightCodec;
    private final SidePool<L> leftPool;
    private final SidePool<R> rightPool;

    TaggedCodec(
        final RecordCodec<L> leftCodec, final RecordCodec<R> rightCodec, final SidePool<L> leftPool, final SidePool<R> rightPool)
    {
        this.leftCodec = leftCodec;
        this.rightCodec = rightCodec;
        this.leftPool = leftPool;
        this.rightPool = rightPool;
    }

    @Override
    public int schemaId()
    {
        return 31 * leftCodec.schemaId() + rightCodec.schemaId();
    }

    @Override
    public int schemaVersion()
    {
        return 31 * leftCodec.schemaVersion() + rightCodec.schemaVersion();
    }

    @Override
    public int maxEncodedLength()
    {
        return 1 + Math.max(leftCodec.maxEncodedLength(), rightCodec.maxEncodedLength());
    }

    @Override
    public Tagged<L, R> newInstance()
    {
        return new Tagged<>();
    }

    @Override
    public int encode(final Tagged<L, R> record, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putByte(offset, record.side);
        return 1 + (record.side == Tagged.LEFT ?
            leftCodec.encode(record.left, buffer, offset + 1) : rightCodec.encode(record.right, buffer, offset + 1));
    }

    @Override
    public void decode(final DirectBuffer buffer, final int offset, final int length, final Tagged<L, R> into)
    {
        if (length < 1)
        {
            throw new IllegalArgumentException("tagged join record of " + length + " bytes has no side");
        }
        final byte side = buffer.getByte(offset);
        if (side == Tagged.LEFT)
        {
            leftPool.decode(buffer, offset + 1, length - 1);
        }
        else if (side == Tagged.RIGHT)
        {
            rightPool.decode(buffer, offset + 1, length - 1);
        }
        else
        {
            throw new IllegalArgumentException("tagged join record has side " + side + ", not 0 (left) or 1 (right)");
        }
        into.side = side;
    }
}
