package io.ringflow.operators.join;

/**
 * A record of either side on its way into the window operator both sides share (Flink's
 * {@code TaggedUnion}): which side, and a reference to the caller's record. The operator owns one and
 * refills it per record; decoding never fills it, the window's {@link SidePool}s receive the records.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 */
final class Tagged<L, R>
{
    static final byte LEFT = 0;
    static final byte RIGHT = 1;

    byte side;
    L left;
    R right;

    Tagged<L, R> left(final L record)
    {
        side = LEFT;
        left = record;
        right = null;
        return this;
    }

    Tagged<L, R> right(final R record)
    {
        side = RIGHT;
        left = null;
        right = record;
        return this;
    }

    /** @return the caller's record, whichever side it is. */
    Object record()
    {
        return side == LEFT ? left : right;
    }
}
