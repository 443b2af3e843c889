/**
 * Operators that keep no state between records: {@link io.ringflow.operators.stateless.FilterOperator},
 * {@link io.ringflow.operators.stateless.MapOperator}, {@link io.ringflow.operators.stateless.FlatMapOperator}
 * and {@link io.ringflow.operators.stateless.ProcessOperator}, the last one giving user code side outputs.
 * <p>
 * Each wraps one user function, allocates nothing per record (output records and collectors are
 * created once, with the operator), forwards watermarks and idleness unchanged, and is meant to be
 * fused into an {@link io.ringflow.operators.OperatorChain}.
 * <p>
 * <b>Failures.</b> An exception thrown by a user function propagates unchanged to the caller, which
 * applies the pipeline's error policy; the operator stays usable for the next record.
 * <p>
 * Threading: single-threaded, as every operator: called on the thread that runs its chain.
 */
package io.ringflow.operators.stateless;
