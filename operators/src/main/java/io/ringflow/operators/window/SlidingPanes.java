package io.ringflow.operators.window;

import io.ringflow.operators.Output;
import io.ringflow.operators.state.OffHeapHashStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sliding windows kept as panes: when the size is a multiple of the slide, the window operator stores one
 * slot per (key, slide-long pane) instead of one per (key, window), adds each record to its one pane, and
 * merges a window's {@code size / slide} panes when the window fires. A record then costs one state update
 * instead of {@code size / slide}; a firing costs {@code size / slide} lookups instead of one, which pays off
 * once a key has more than about one record per pane. Built on request ({@code WindowOperatorBuilder.panes()})
 * and only where the result is the same as per-window state's (long-sum overflow aside, see there): the
 * default event-time trigger (it keeps no per-window state that a pane could not hold) and an aggregate that
 * {@linkplain WindowContentsHandler#mergesExactly merges exactly}.
 * <p>
 * A pane {@code [p, p + slide)} is the first slide of window {@code p}, the latest window holding it, and is
 * removed at that window's cleanup time, when every window holding it has been cleaned up.
 * <p>
 * Threading: owned by one window operator.
 */
final class SlidingPanes<T, R>
{
    private final long size;
    private final long slide;
    private final int panesPerWindow;
    private final WindowContentsHandler<T, R> contents;
    private final int elementsOffset;
    private final int contentsOffset;
    private final UnsafeBuffer merged;
    private final Window window = new Window();

    /**
     * @param assigner       the sliding windows; {@link #whyNot} must have found nothing.
     * @param contents       the aggregate in each pane slot.
     * @param elementsOffset where a slot counts its records.
     * @param contentsOffset where a slot's accumulator starts.
     */
    SlidingPanes(
        final SlidingWindows assigner, final WindowContentsHandler<T, R> contents, final int elementsOffset,
        final int contentsOffset)
    {
        this.size = assigner.size();
        this.slide = assigner.slide();
        this.panesPerWindow = (int)(size / slide);
        this.contents = contents;
        this.elementsOffset = elementsOffset;
        this.contentsOffset = contentsOffset;
        this.merged = new UnsafeBuffer(new byte[Math.max(8, contents.slotBytes())]);
    }

    /**
     * @return why windows of this assigner, trigger and contents cannot be kept as panes, or null if they can.
     */
    static String whyNot(final WindowAssigner assigner, final Trigger<?> trigger, final WindowContentsHandler<?, ?> contents)
    {
        if (!(assigner instanceof SlidingWindows sliding))
        {
            return "panes are for sliding windows, not " + assigner;
        }
        if (sliding.size() % sliding.slide() != 0 || sliding.size() == sliding.slide())
        {
            return "panes need a size that is a multiple (at least twice) of the slide, not " + assigner;
        }
        if (trigger != Triggers.eventTime())
        {
            return "panes need the default event-time trigger, which keeps no per-window state, not " + trigger;
        }
        if (!contents.mergesExactly())
        {
            return "panes need an aggregate whose merge is exact (AggregateFunction.mergesExactly: count, sum, min, " +
                "max, average, first, last and their composites; not floating-point sums, process functions or " +
                "aggregates that do not declare it)";
        }
        return null;
    }

    /** @return the pane length, which is the slide. */
    long slide()
    {
        return slide;
    }

    /**
     * Merge the panes of window {@code [start, start + size)} of a key in time order and emit the result, if
     * any pane holds a record.
     */
    void fire(
        final OffHeapHashStore panes, final long key, final long start, final FiringKind kind, final Output<R> output,
        final WindowCounters counters)
    {
        if (merge(panes, key, start) > 0)
        {
            counters.countFiring(kind);
            emit(key, start, kind, output);
        }
    }

    /** @return how many windows hold a pane: {@code size / slide}. */
    int panesPerWindow()
    {
        return panesPerWindow;
    }

    /**
     * Emit what {@link #merge} left, as window {@code [start, start + size)}'s result, at its max timestamp.
     */
    void emit(final long key, final long start, final FiringKind kind, final Output<R> output)
    {
        window.set(start, start + size);
        contents.emit(key, window, kind, merged, 0, output, window.maxTimestamp());
    }

    /**
     * Merge the key's panes of window {@code [start, start + size)}, in time order, into this object's scratch
     * accumulator.
     *
     * @return the records those panes hold (0: the window is empty).
     */
    long merge(final OffHeapHashStore panes, final long key, final long start)
    {
        contents.reset(merged, 0);
        long records = 0;
        long pane = start;
        for (int i = 0; i < panesPerWindow; i++, pane += slide)
        {
            final int slot = panes.find(key, pane, 0);
            if (slot != OffHeapHashStore.NOT_FOUND)
            {
                final MutableDirectBuffer buffer = panes.buffer();
                records += buffer.getLong(slot + elementsOffset);
                contents.merge(merged, 0, buffer, slot + contentsOffset);
            }
        }
        return records;
    }
}
