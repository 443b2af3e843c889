package io.ringflow.operators.window;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.aggregate.AggregateFunction;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Objects;

/**
 * Count windows per key, as Flink's {@code countWindow(size)} and {@code countWindow(size, slide)}:
 * every {@code slide} records of a key, emit the aggregate of that key's last {@code size} records
 * (fewer at the start, as Flink's count evictor does). Tumbling is {@code size == slide}. Partial
 * windows never fire, also not at end of stream (as in Flink). Count windows ignore event time: no
 * lateness, no watermark-driven firing.
 * <p>
 * Results: {@link WindowResult} with {@code [start, end)} as the key's record ordinals (0-based, end
 * exclusive), kind {@link FiringKind#ON_TIME}, emitted with the timestamp of the record that completed
 * the window (Flink would use {@code Long.MAX_VALUE}, the global window's max timestamp).
 * <p>
 * State per key: a record count and a ring of {@code size / g} pane accumulators, where
 * {@code g = gcd(size, slide)}; a firing merges the panes it covers. Threading: the runtime contract of
 * {@code io.ringflow.operators}.
 *
 * @param <T> record type.
 */
public final class CountWindowOperator<T> implements OneInputOperator<T, WindowResult>
{
    private static final int SEEN_OFFSET = 0;
    private static final int PANES_OFFSET = 8;

    private final String name;
    private final KeySelector<T> keySelector;
    private final AggregateFunction<T> function;
    private final long size;
    private final long slide;
    private final long paneRecords;
    private final int panes;
    private final int paneBytes;
    private final OffHeapHashStore state;
    private final UnsafeBuffer merged;
    private final WindowResult result;
    private Output<WindowResult> output;
    private long firings;

    /**
     * @param name         names the operator.
     * @param keySelector  the key of each record.
     * @param size         records per window, {@code > 0}.
     * @param slide        records between firings, {@code 0 < slide <= size}.
     * @param function     the aggregate.
     * @param expectedKeys presizes state.
     */
    public CountWindowOperator(
        final String name,
        final KeySelector<T> keySelector,
        final long size,
        final long slide,
        final AggregateFunction<T> function,
        final int expectedKeys)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
        this.function = Objects.requireNonNull(function, "function");
        Windows.requirePositive("count window size", size);
        Windows.requirePositive("count window slide", slide);
        if (slide > size)
        {
            throw new IllegalArgumentException("count window slide " + slide + " is larger than its size " + size);
        }
        this.size = size;
        this.slide = slide;
        this.paneRecords = gcd(size, slide);
        final long paneCount = size / paneRecords;
        if (paneCount > 1024)
        {
            throw new IllegalArgumentException("count window size " + size + " / slide " + slide + " needs " + paneCount +
                " panes per key; at most 1024 are supported");
        }
        this.panes = (int)paneCount;
        this.paneBytes = (function.accumulatorBytes() + 7) & ~7;
        this.state = new OffHeapHashStore(name + ".counts", 1, PANES_OFFSET + panes * paneBytes, expectedKeys);
        this.merged = new UnsafeBuffer(new byte[Math.max(8, paneBytes)]);
        this.result = new WindowResult(function.resultSlots());
    }

    @Override
    public void open(final Output<WindowResult> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("count window operator '" + name + "' is already open");
        }
        this.output = output;
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        final long key = keySelector.key(record);
        final int slot = state.getOrInsert(key, 0, 0);
        final MutableDirectBuffer buffer = state.buffer();
        final long seen = buffer.getLong(slot + SEEN_OFFSET);
        final int pane = (int)((seen / paneRecords) % panes);
        final int paneOffset = slot + PANES_OFFSET + pane * paneBytes;
        if (seen % paneRecords == 0)
        {
            function.reset(buffer, paneOffset);
        }
        function.add(record, timestamp, buffer, paneOffset);
        final long nowSeen = seen + 1;
        buffer.putLong(slot + SEEN_OFFSET, nowSeen);
        if (nowSeen % slide == 0)
        {
            fire(key, nowSeen, buffer, slot, pane, timestamp);
        }
    }

    private void fire(final long key, final long seen, final MutableDirectBuffer buffer, final int slot, final int lastPane,
        final long timestamp)
    {
        final long covered = Math.min(seen, size);
        final int panesCovered = (int)(covered / paneRecords);
        function.reset(merged, 0);
        for (int i = panesCovered - 1; i >= 0; i--)
        {
            final int pane = Math.floorMod(lastPane - i, panes);
            function.merge(merged, 0, buffer, slot + PANES_OFFSET + pane * paneBytes);
        }
        result.set(key, seen - covered, seen, FiringKind.ON_TIME);
        function.result(merged, 0, result, 0);
        firings++;
        output.emit(result, timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /** @return firings so far. */
    public long firings()
    {
        return firings;
    }

    /** @return off-heap bytes held. */
    public long memoryBytes()
    {
        return state.memoryBytes();
    }

    @Override
    public String snapshotType()
    {
        return "count-window";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(size).putLong(slide).putLong(firings);
        state.snapshot(out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final long storedSize = in.getLong();
        final long storedSlide = in.getLong();
        if (storedSize != size || storedSlide != slide)
        {
            throw in.corrupt("count window operator '" + name + "' snapshot has size " + storedSize + " slide " + storedSlide +
                ", operator is configured with size " + size + " slide " + slide);
        }
        firings = in.getLong();
        state.restore(in);
    }

    @Override
    public void close()
    {
        state.close();
    }

    private static long gcd(final long a, final long b)
    {
        return b == 0 ? a : gcd(b, a % b);
    }
}
