/**
 * How records become bytes: {@link io.ringflow.operators.record.RecordCodec}. Records themselves are
 * the user's own mutable classes, pre-allocated and reused.
 */
package io.ringflow.operators.record;
