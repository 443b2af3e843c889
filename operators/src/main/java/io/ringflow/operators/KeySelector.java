package io.ringflow.operators;

/**
 * Extracts the {@code long} key of a record for keyed operators and key partitioning.
 * <p>
 * Keys are {@code long} so that keyed state lives off-heap in fixed-width slots without boxing.
 * Other key types map to a {@code long} by the user: a dense id (instrument or card number), a
 * packed code (up to 8 ASCII characters fit exactly), or an interning dictionary kept by the
 * application. A hash of a wider key is only safe where collisions are acceptable.
 * <p>
 * Must be deterministic and side-effect free; called on the operator's thread.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface KeySelector<T>
{
    /**
     * @param record the record.
     * @return its key.
     */
    long key(T record);
}
