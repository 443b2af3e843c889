package io.ringflow.operators.table;

import org.agrona.DirectBuffer;

/**
 * How the join function sees a stored table value: a flyweight wrapped over the off-heap bytes (no
 * copy), or an object whose fields are filled from them. One instance is reused for every lookup.
 * <p>
 * Threading: called on the operator's thread; {@link #decode} must not allocate.
 *
 * @param <V> the view's type.
 */
public interface TableValueDecoder<V>
{
    /** @return a fresh view: called when the operator is built (and by {@code describeKey}), never per record. */
    V newInstance();

    /**
     * Point {@code into} at a stored value, or fill it from one. A flyweight wrapping the buffer is valid
     * only during the join function call it is passed to.
     *
     * @param buffer holds the value, as {@link ChangelogReader#encodeValue} wrote it.
     * @param offset its first byte.
     * @param into   the view to overwrite.
     */
    void decode(DirectBuffer buffer, int offset, V into);
}
