package io.ringflow.operators;

/**
 * Maps one record onto a pre-allocated output record. The operator owns {@code out} and reuses it for
 * every call, which is what keeps mapping allocation-free. Called on the operator's thread.
 *
 * @param <I> input type.
 * @param <O> output type.
 */
@FunctionalInterface
public interface RecordMapper<I, O>
{
    /**
     * @param in  the input record, valid only during this call.
     * @param out the operator's reusable output record: overwrite every field that matters.
     */
    void map(I in, O out);
}
