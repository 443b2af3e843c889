/**
 * Joins of two keyed streams, with Apache Flink's semantics where Flink has them and every record
 * accounted for where Flink drops records silently.
 * <ul>
 * <li>{@link io.ringflow.operators.join.IntervalJoinOperator}: a left record joins the right records of
 * the same key whose timestamps lie in {@code [left.ts + lower, left.ts + upper]}; buffered records are
 * expired by the watermark the moment nothing can join them any more; late records go to the rejected
 * side output.</li>
 * <li>{@link io.ringflow.operators.join.WindowJoinOperator}: both sides' records are assigned to the same
 * tumbling, sliding or session windows per key; when a window fires, its records are joined pairwise
 * (a cross product through a {@link io.ringflow.operators.join.JoinFunction}) or handed to a
 * {@link io.ringflow.operators.join.CoGroupFunction} as two sides, either of which may be empty.</li>
 * </ul>
 * Both are {@link io.ringflow.operators.TwoInputOperator}s: the caller combines the two inputs'
 * watermarks (minimum over the inputs that are not idle) and hands the operator the combined one, as
 * {@link io.ringflow.operators.testing.TwoInputOperatorTestHarness} does. Records are buffered off-heap,
 * encoded by a {@link io.ringflow.operators.record.RecordCodec} per side; state snapshots and restores
 * exactly.
 */
package io.ringflow.operators.join;
