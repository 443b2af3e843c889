/**
 * Keyed windows with Apache Flink's event-time semantics: tumbling (with offset), sliding, session
 * (merging) and global windows ({@link io.ringflow.operators.window.Windows}), count windows
 * ({@link io.ringflow.operators.window.CountWindowOperator}), triggers
 * ({@link io.ringflow.operators.window.Triggers}), allowed lateness with late firings, and late records
 * routed to the rejected side output. Build a window operator with
 * {@link io.ringflow.operators.window.WindowOperator#keyed}.
 */
package io.ringflow.operators.window;
