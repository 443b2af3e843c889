package io.ringflow.operators.process;

/**
 * Where a {@link KeyedProcessFunction} declares its keyed state, once, in
 * {@link KeyedProcessFunction#open}. Each state is an off-heap table keyed by the record key; reads and
 * writes go to the current key's entry. Names identify states in snapshots: keep them stable.
 */
public interface KeyedStateRegistry
{
    /**
     * @param name  unique within the function.
     * @param bytes fixed value width, {@code > 0}.
     * @return a state scoped to the current key.
     */
    ValueState valueState(String name, int bytes);

    /**
     * @param name unique within the function.
     * @return a single-long state scoped to the current key.
     */
    LongValueState longState(String name);
}
