package io.ringflow.operators.join;

/**
 * Makes the output of one joined pair by filling the operator's output record, which the operator
 * created once ({@code outputFactory}) and reuses for every pair: a join allocates nothing per pair.
 * <p>
 * Called on the operator's thread. {@code left} and {@code right} are valid only during the call, and so is
 * {@code into} for whoever receives it downstream.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output record type.
 */
@FunctionalInterface
public interface JoinFunction<L, R, O>
{
    /**
     * @param left  the left record of the pair.
     * @param right the right record of the pair.
     * @param into  the reused output record to overwrite; every field the consumer reads must be set.
     */
    void join(L left, R right, O into);
}
