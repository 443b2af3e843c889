/**
 * Deduplication by key with an event-time TTL; duplicates go to the rejected side output.
 */
package io.ringflow.operators.dedup;
