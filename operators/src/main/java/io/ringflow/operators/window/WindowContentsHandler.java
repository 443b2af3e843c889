package io.ringflow.operators.window;

import io.ringflow.operators.Output;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * How a window keeps what it has seen, inside its fixed-width slot: an aggregate's accumulator, or a
 * reference to buffered records. Internal to the window operator.
 *
 * @param <T> input type.
 * @param <R> output type.
 */
interface WindowContentsHandler<T, R>
{
    /** @return bytes this handler needs in each window slot (multiple of 8). */
    int slotBytes();

    /** @return whether {@link #merge} in time order equals adding the records to one slot (see AggregateFunction#mergesExactly). */
    boolean mergesExactly();

    /** Make the contents empty; the slot memory may hold anything. */
    void reset(MutableDirectBuffer buffer, int offset);

    void add(T record, long timestamp, MutableDirectBuffer buffer, int offset);

    /** Fold {@code source} (a window being merged away) into {@code target}. */
    void merge(MutableDirectBuffer target, int targetOffset, DirectBuffer source, int sourceOffset);

    /** Emit the window's result. */
    void emit(long key, Window window, FiringKind kind, DirectBuffer buffer, int offset, Output<R> output, long timestamp);

    /** The window is gone: release anything held outside the slot. */
    void release(DirectBuffer buffer, int offset);

    /** @return off-heap bytes held outside the slots. */
    long memoryBytes();

    void snapshot(SnapshotWriter out);

    void restore(SnapshotReader in);

    void close();
}
