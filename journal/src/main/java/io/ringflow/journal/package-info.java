/**
 * Chronicle Queue input and output journals, checkpoint barriers, snapshot store, crash recovery
 * and exactly-once output.
 * <p>
 * <b>Not built yet</b> (issue 4). The operator snapshot format it will store already exists in
 * {@code io.ringflow.operators.snapshot}.
 */
package io.ringflow.journal;
