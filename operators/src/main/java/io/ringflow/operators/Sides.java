package io.ringflow.operators;

/**
 * How a union record carries the two inputs of a {@link TwoInputOperator}: which side it is, and a
 * view of it as that side's record (typically a field of the union, so no copy is made). Two streams
 * travel as one in a pipeline so that their interleaving is the ingress order, which the input journal
 * records and a replay repeats.
 * <p>
 * Threading: stateless; called on the operator's thread.
 *
 * @param <U> the union record type.
 * @param <L> left record type.
 * @param <R> right record type.
 */
public interface Sides<U, L, R>
{
    /**
     * @param union a record of the union stream.
     * @return true if it belongs to the left input.
     */
    boolean isLeft(U union);

    /**
     * @param union a left record of the union stream.
     * @return it as a left record, valid as long as {@code union} is.
     */
    L left(U union);

    /**
     * @param union a right record of the union stream.
     * @return it as a right record, valid as long as {@code union} is.
     */
    R right(U union);
}
