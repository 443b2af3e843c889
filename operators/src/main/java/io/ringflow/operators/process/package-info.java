/**
 * Keyed process functions: per-key logic with event-time timers and off-heap keyed value state, for
 * what windows do not express (timeouts, running state machines, rolling per-key figures).
 */
package io.ringflow.operators.process;
