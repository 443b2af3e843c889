/**
 * Incremental aggregation with off-heap accumulators: {@link io.ringflow.operators.aggregate.AggregateFunction}
 * (add / merge / result over a fixed-width accumulator) and the built-ins in
 * {@link io.ringflow.operators.aggregate.Aggregates}. No object is created per record.
 */
package io.ringflow.operators.aggregate;
