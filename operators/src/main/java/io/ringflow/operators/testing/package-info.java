/**
 * Drive any operator or chain by hand, with no threads: push records, watermarks and processing-time
 * ticks, collect main and side outputs, snapshot and restore mid-stream.
 * {@link io.ringflow.operators.testing.OperatorTestHarness} is what Ringflow's own specification tests
 * use, and it is public so that applications test their operators the same way.
 */
package io.ringflow.operators.testing;
