package io.ringflow.operators;

/**
 * Produces zero or more records per input. To stay allocation-free, fill a record the function owns
 * and pass it to {@code out} once per output. Called on the operator's thread.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
@FunctionalInterface
public interface RecordFlatMapper<I, O>
{
    /**
     * @param in  the input record, valid only during this call.
     * @param out receives each output; it may be given the same instance several times.
     */
    void flatMap(I in, Collector<O> out);
}
