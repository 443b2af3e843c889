package io.ringflow.operators.table;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Binds a {@link TableJoinFunction} to its value view, default value and reused output record, so that
 * the operator's type needs no parameter for the view type.
 * <p>
 * Threading: the operator's.
 *
 * @param <S> stream record type.
 * @param <V> table value view type.
 * @param <O> output type.
 */
final class ValueJoiner<S, V, O>
{
    private final TableValueDecoder<V> decoder;
    private final TableJoinFunction<S, V, O> function;
    private final V view;
    private final V defaultValue;
    private final O reuse;

    /**
     * @param decoder      reads stored values.
     * @param function     the join.
     * @param defaultBytes the encoded default value, or null for none.
     * @param reuse        the one output record.
     */
    ValueJoiner(
        final TableValueDecoder<V> decoder, final TableJoinFunction<S, V, O> function, final DirectBuffer defaultBytes, final O reuse)
    {
        this.decoder = decoder;
        this.function = function;
        this.reuse = reuse;
        this.view = decoder.newInstance();
        if (null == defaultBytes)
        {
            this.defaultValue = null;
        }
        else
        {
            this.defaultValue = decoder.newInstance();
            decoder.decode(defaultBytes, 0, defaultValue);
        }
    }

    /**
     * @param record the stream record.
     * @param buffer holds the value.
     * @param offset its first byte.
     * @return the output record.
     */
    O hit(final S record, final DirectBuffer buffer, final int offset)
    {
        decoder.decode(buffer, offset, view);
        return function.join(record, view, reuse);
    }

    /**
     * @param record the stream record.
     * @return the output record, joined with the default value or null.
     */
    O miss(final S record)
    {
        return function.join(record, defaultValue, reuse);
    }

    /**
     * For {@code describeKey}: allocates.
     *
     * @param buffer holds a value.
     * @param offset its first byte.
     * @return the decoded value's {@code toString()}.
     */
    String describe(final MutableDirectBuffer buffer, final Integer offset)
    {
        final V value = decoder.newInstance();
        decoder.decode(buffer, offset, value);
        return String.valueOf(value);
    }
}
