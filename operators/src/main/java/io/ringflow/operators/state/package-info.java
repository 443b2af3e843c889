/**
 * Keyed operator state off the Java heap: {@link io.ringflow.operators.state.OffHeapHashStore}, a
 * fixed-width hash table addressed as {@code (buffer, offset)} that grows incrementally, allocates
 * nothing per record, and snapshots independently of its layout.
 * <p>
 * Off-heap memory is released only by {@code close()}: an operator closes its stores when it is
 * disposed.
 */
package io.ringflow.operators.state;
