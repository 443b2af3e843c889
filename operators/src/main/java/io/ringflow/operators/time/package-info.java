/**
 * Event time: watermarks, and the timers they fire. Everything here is driven by the record
 * timestamps and watermarks the caller hands in, never by a clock, so a replay produces the same
 * watermarks and fires the same timers in the same order.
 */
package io.ringflow.operators.time;
