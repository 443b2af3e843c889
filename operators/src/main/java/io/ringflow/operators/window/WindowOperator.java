package io.ringflow.operators.window;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.state.OffHeapHashStore;
import io.ringflow.operators.time.TimerQueue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keyed event-time windows with Flink's semantics (see docs/ARCHITECTURE.md and DESIGN.md): records
 * are assigned to windows, windows fire when their trigger says so (by default when the watermark
 * reaches their max timestamp), state is kept until {@code maxTimestamp + allowedLateness}, late
 * records within that bound fire the window again with its full updated result (marked
 * {@link FiringKind#LATE}), and records whose windows are all past it go to {@link Rejected#TAG}
 * with {@link RejectReason#LATE}. Build with {@link #keyed}.
 * <p>
 * State lives off-heap: one slot per (key, window start) in an {@link OffHeapHashStore} (or, for sliding
 * windows built with {@link WindowOperatorBuilder#panes()}, per (key, pane start): see {@code SlidingPanes}),
 * timers in a {@link TimerQueue}; per record the steady-state cost is one hash lookup per window (per pane)
 * and no allocation.
 * Window results are emitted with the window's max timestamp (global windows: the firing record's or
 * timer's timestamp).
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}: one thread at a time.
 *
 * @param <T> input record type.
 * @param <R> output type: {@link WindowResult} for aggregates, the function's type for process functions.
 */
public final class WindowOperator<T, R> implements OneInputOperator<T, R>
{
    /**
     * Slot layout: | end | records since creation or purge | next session start (sessions only) | trigger state |
     * contents |. Without the session field, a tumbling count+sum slot is 64 bytes with its key: one cache line.
     */
    static final int END_OFFSET = 0;
    static final int ELEMENTS_OFFSET = 8;
    static final int NEXT_OFFSET = 16;

    /**
     * Queued timers whose window slots are read together before they fire: with 1M keys each slot is a
     * cache (and TLB) miss, and touched back to back their misses overlap instead of queueing one per firing.
     */
    static final int TOUCH_BATCH = 8;

    private final String name;
    private final KeySelector<T> keySelector;
    private final WindowAssigner assigner;
    private final Trigger<T> trigger;
    private final long allowedLateness;
    private final WindowContentsHandler<T, R> contents;
    private final int triggerOffset;
    private final int contentsOffset;
    private final OffHeapHashStore windows;
    private final TimerQueue timers;
    private final SessionList sessions;
    private final boolean eventTime;
    private final boolean cachesLastWindow;
    // default trigger with no lateness: its own timer at maxTimestamp is the cleanup timer, registered once
    private final boolean triggerTimerCleansUp;
    // tumbling windows with the default trigger and no lateness: records and timers take a path that does the
    // trigger's work inline (see processTumbling), since that trigger's decisions follow from the window alone
    private final boolean plainTumbling;
    // sliding windows kept as one slot per (key, slide), when the builder asked for panes (see SlidingPanes); else null
    private final SlidingPanes<T, R> panes;
    private final long[] starts;
    private final Window window = new Window();
    private final BoundTriggerContext triggerContext = new BoundTriggerContext();
    private final Rejected<T> rejected = new Rejected<>();
    private final WindowCounters counters = new WindowCounters();

    private Output<R> output;
    // timers fired since the last batch of queued timers' slots was touched; and what the touches read
    private int firedSinceTouch = TOUCH_BATCH;
    private long touched;
    private long watermark = Timestamps.MIN_WATERMARK;
    // the last tumbling window assigned: consecutive records mostly fall into it, sparing two divisions
    private long lastStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    WindowOperator(
        final String name,
        final KeySelector<T> keySelector,
        final WindowAssigner assigner,
        final Trigger<T> trigger,
        final long allowedLateness,
        final WindowContentsHandler<T, R> contents,
        final int expectedWindows,
        final boolean keepPanes)
    {
        this.name = name;
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.trigger = trigger;
        this.allowedLateness = allowedLateness;
        this.contents = contents;
        this.eventTime = assigner.isEventTime();
        // tumbling only: one window per record, not merging, event time
        this.cachesLastWindow = eventTime && !assigner.isMerging() && assigner.maxWindowsPerRecord() == 1;
        this.triggerTimerCleansUp = trigger == Triggers.eventTime() && allowedLateness == 0;
        this.plainTumbling = cachesLastWindow && triggerTimerCleansUp;
        this.triggerOffset = assigner.isMerging() ? NEXT_OFFSET + Long.BYTES : NEXT_OFFSET;
        this.contentsOffset = triggerOffset + ((trigger.stateBytes() + 7) & ~7);
        this.windows = new OffHeapHashStore(name + ".windows", 2, contentsOffset + contents.slotBytes(), expectedWindows);
        // With the default trigger every timer is checked against its window when it fires (stale ones find no
        // window or another end), so the queue can skip its liveness set, which is half of a timer's cost.
        this.timers = trigger == Triggers.eventTime() ?
            TimerQueue.appendOnly(name + ".timers", expectedWindows) : new TimerQueue(name + ".timers", expectedWindows);
        this.sessions = assigner.isMerging() ? new SessionList(windows, contentsOffset + contents.slotBytes()) : null;
        this.panes = keepPanes ?
            new SlidingPanes<>((SlidingWindows)assigner, contents, ELEMENTS_OFFSET, contentsOffset) : null;
        this.starts = new long[assigner.maxWindowsPerRecord()];
    }

    /**
     * Start building a window operator.
     *
     * @param name        names the operator in errors, snapshots and counters.
     * @param keySelector the key of each record.
     * @param <T>         record type.
     * @return a builder.
     */
    public static <T> WindowOperatorBuilder<T> keyed(final String name, final KeySelector<T> keySelector)
    {
        return new WindowOperatorBuilder<>(name, keySelector);
    }

    /** @return the operator's name. */
    public String name()
    {
        return name;
    }

    /** @return counts of rejections and firings. */
    public WindowCounters counters()
    {
        return counters;
    }

    /** @return the last watermark processed. */
    public long currentWatermark()
    {
        return watermark;
    }

    /** @return number of open windows (all keys); for sliding windows kept as panes, open panes. */
    public int openWindows()
    {
        return windows.size() - (sessions == null ? 0 : sessions.keysWithSessions());
    }

    /** @return pending timers. */
    public int pendingTimers()
    {
        return timers.size();
    }

    /** @return off-heap bytes held: window slots, timers and buffered records. */
    public long memoryBytes()
    {
        return windows.memoryBytes() + timers.memoryBytes() + contents.memoryBytes();
    }

    @Override
    public void open(final Output<R> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("window operator '" + name + "' is already open");
        }
        this.output = output;
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        if (eventTime && !Timestamps.isValidEventTime(timestamp))
        {
            reject(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            return;
        }
        if (plainTumbling)
        {
            processTumbling(record, timestamp);
            return;
        }
        if (panes != null)
        {
            processPaned(record, timestamp);
            return;
        }
        final int count;
        if (timestamp >= lastStart && timestamp < lastEnd)
        {
            count = 1;
        }
        else
        {
            count = assigner.assignWindows(timestamp, starts);
            if (count == 1 && cachesLastWindow)
            {
                lastStart = starts[0];
                lastEnd = assigner.windowEnd(lastStart);
            }
        }
        if (count < 0)
        {
            reject(record, timestamp, RejectReason.TIMESTAMP_OUT_OF_RANGE);
            return;
        }
        final long key = keySelector.key(record);
        if (sessions != null)
        {
            processMerging(record, timestamp, key);
            return;
        }
        boolean accepted = false;
        for (int i = 0; i < count; i++)
        {
            final long start = starts[i];
            final long end = assigner.windowEnd(start);
            if (isLate(end))
            {
                continue;
            }
            accepted = true;
            final int slot = windows.getOrInsert(key, start, 0);
            if (windows.inserted())
            {
                initialiseSlot(windows.buffer(), slot, end);
                registerCleanupTimer(key, start, end);
            }
            addAndTrigger(record, timestamp, key, start, end, slot);
        }
        if (!accepted)
        {
            reject(record, timestamp, RejectReason.LATE);
        }
    }

    /**
     * The general path specialised to one window per record, the default trigger and no lateness: the same
     * effects on state, timers and output, without the trigger call, its context and the window object. A
     * window that accepts a record is never late here, so the trigger's only work is registering its timer
     * once, when the window is created (its state flag, set here as it would set it, says so).
     */
    private void processTumbling(final T record, final long timestamp)
    {
        if (timestamp < lastStart || timestamp >= lastEnd)
        {
            if (assigner.assignWindows(timestamp, starts) < 0)
            {
                reject(record, timestamp, RejectReason.TIMESTAMP_OUT_OF_RANGE);
                return;
            }
            lastStart = starts[0];
            lastEnd = assigner.windowEnd(lastStart);
        }
        final long start = lastStart;
        final long end = lastEnd;
        final long key = keySelector.key(record);
        // maxTimestamp is the cleanup time with no lateness
        if (end - 1 <= watermark)
        {
            reject(record, timestamp, RejectReason.LATE);
            return;
        }
        final int slot = windows.getOrInsert(key, start, 0);
        final MutableDirectBuffer buffer = windows.buffer();
        if (windows.inserted())
        {
            buffer.putLong(slot + END_OFFSET, end);
            contents.reset(buffer, slot + contentsOffset);
            timers.register(end - 1, key, start);
            buffer.putLong(slot + triggerOffset, 1);
        }
        contents.add(record, timestamp, buffer, slot + contentsOffset);
        buffer.putLong(slot + ELEMENTS_OFFSET, buffer.getLong(slot + ELEMENTS_OFFSET) + 1);
    }

    /**
     * Sliding windows kept as panes (see {@link SlidingPanes}): the record goes to its one pane, the first slide of
     * the latest window holding it. A new pane registers what the default trigger would have for the windows
     * holding it (the timer at each one's max timestamp still ahead) and the cleanup timer of the window that
     * removes it; a window past its max timestamp but within the allowed lateness fires LATE at once, latest
     * start first, as the trigger fires it on each element.
     */
    private void processPaned(final T record, final long timestamp)
    {
        final int count = assigner.assignWindows(timestamp, starts);
        if (count < 0)
        {
            reject(record, timestamp, RejectReason.TIMESTAMP_OUT_OF_RANGE);
            return;
        }
        final long paneStart = starts[0];
        // the latest window holding the record is cleaned up last: if it is late, every one is
        if (isLate(assigner.windowEnd(paneStart)))
        {
            reject(record, timestamp, RejectReason.LATE);
            return;
        }
        final long key = keySelector.key(record);
        final int slot = windows.getOrInsert(key, paneStart, 0);
        final MutableDirectBuffer buffer = windows.buffer();
        if (windows.inserted())
        {
            buffer.putLong(slot + END_OFFSET, paneStart + panes.slide());
            contents.reset(buffer, slot + contentsOffset);
            registerPaneTimers(key, count);
        }
        contents.add(record, timestamp, buffer, slot + contentsOffset);
        buffer.putLong(slot + ELEMENTS_OFFSET, buffer.getLong(slot + ELEMENTS_OFFSET) + 1);
        // the earliest window ends first: while it is ahead of the watermark, none fires late (most records)
        if (assigner.windowEnd(starts[count - 1]) - 1 > watermark)
        {
            return;
        }
        for (int i = 0; i < count; i++)
        {
            final long end = assigner.windowEnd(starts[i]);
            if (end - 1 <= watermark && !isLate(end))
            {
                panes.fire(windows, key, starts[i], FiringKind.LATE, output, counters);
            }
        }
    }

    /**
     * Timers for a new pane, whose windows' starts are the first {@code count} of {@link #starts}, latest first.
     * Every window holding an existing pane already has its timer (registered when that pane was made), so the
     * windows holding an earlier pane of the key are skipped: found by looking back pane by pane, which in a
     * key with a record every slide takes one lookup and leaves one timer to register instead of
     * {@code size / slide}. Repeats left over (a later pane's windows) fire once: the queue drops adjacent
     * duplicates.
     */
    private void registerPaneTimers(final long key, final int count)
    {
        int needed = 1;
        while (needed < count && windows.find(key, starts[needed], 0) == OffHeapHashStore.NOT_FOUND)
        {
            needed++;
        }
        for (int i = 0; i < needed; i++)
        {
            final long maxTimestamp = assigner.windowEnd(starts[i]) - 1;
            if (maxTimestamp > watermark)
            {
                timers.register(maxTimestamp, key, starts[i]);
            }
        }
        // with no lateness the max-timestamp timer of the pane's own window is its cleanup
        final long end = assigner.windowEnd(starts[0]);
        final long cleanup = cleanupTime(end);
        if (cleanup != end - 1 && cleanup != Long.MAX_VALUE)
        {
            timers.register(cleanup, key, starts[0]);
        }
    }

    /** A paned window's timer: fire it at its max timestamp; at its cleanup time, remove the pane it is the last window of. */
    private void onPaneTimer(final long time, final long key, final long start)
    {
        final long end = assigner.windowEnd(start);
        if (time == end - 1)
        {
            panes.fire(windows, key, start, FiringKind.ON_TIME, output, counters);
        }
        if (time == cleanupTime(end))
        {
            final int slot = windows.find(key, start, 0);
            if (slot != OffHeapHashStore.NOT_FOUND)
            {
                contents.release(windows.buffer(), slot + contentsOffset);
                windows.removeAt(slot);
            }
        }
    }

    private void processMerging(final T record, final long timestamp, final long key)
    {
        final long start = timestamp;
        final long end = assigner.windowEnd(start);
        if (!sessions.findOverlapping(key, start, end))
        {
            if (isLate(end))
            {
                reject(record, timestamp, RejectReason.LATE);
                return;
            }
            sessions.insert(key, start);
            final int slot = windows.find(key, start, 0);
            initialiseSlot(windows.buffer(), slot, end);
            windows.buffer().putLong(slot + NEXT_OFFSET, sessions.after());
            registerCleanupTimer(key, start, end);   // timers only: the slot offset stays valid
            addAndTrigger(record, timestamp, key, start, end, slot);
            return;
        }
        final long mergedStart = Math.min(start, sessions.runStart(0));
        final long mergedEnd = Math.max(end, sessions.runEnd(sessions.runLength() - 1));
        if (sessions.runLength() > 1 || mergedStart != sessions.runStart(0) || mergedEnd != sessions.runEnd(0))
        {
            mergeRun(key, mergedStart, mergedEnd);
        }
        addAndTrigger(record, timestamp, key, mergedStart, mergedEnd, windows.find(key, mergedStart, 0));
    }

    /** Merge the sessions found by {@link SessionList#findOverlapping} into {@code [mergedStart, mergedEnd)}. */
    private void mergeRun(final long key, final long mergedStart, final long mergedEnd)
    {
        final int run = sessions.runLength();
        for (int i = 0; i < run; i++)
        {
            final long start = sessions.runStart(i);
            final int slot = windows.find(key, start, 0);
            window.set(start, sessions.runEnd(i));
            triggerContext.bind(key, start, windows.buffer(), slot + triggerOffset);
            trigger.clear(window, triggerContext);
            deleteCleanupTimer(key, start, sessions.runEnd(i));
        }
        final MutableDirectBuffer scratch = sessions.scratch();
        for (int i = 1; i < run; i++)
        {
            sessions.moveToScratch(key, sessions.runStart(i));
            final int holder = windows.find(key, sessions.runStart(0), 0);
            final MutableDirectBuffer buffer = windows.buffer();
            contents.merge(buffer, holder + contentsOffset, scratch, contentsOffset);
            trigger.mergeState(buffer, holder + triggerOffset, scratch, triggerOffset);
            buffer.putLong(holder + ELEMENTS_OFFSET, buffer.getLong(holder + ELEMENTS_OFFSET) + scratch.getLong(ELEMENTS_OFFSET));
        }
        if (mergedStart != sessions.runStart(0))
        {
            sessions.moveToScratch(key, sessions.runStart(0));
            sessions.insertFromScratch(key, mergedStart);
        }
        int slot = windows.find(key, mergedStart, 0);
        windows.buffer().putLong(slot + END_OFFSET, mergedEnd);
        windows.buffer().putLong(slot + NEXT_OFFSET, sessions.after());
        sessions.linkAfterPrevious(key, mergedStart);
        slot = windows.find(key, mergedStart, 0);
        window.set(mergedStart, mergedEnd);
        triggerContext.bind(key, mergedStart, windows.buffer(), slot + triggerOffset);
        trigger.onMerge(window, triggerContext);
        registerCleanupTimer(key, mergedStart, mergedEnd);
        counters.sessionMerges++;
    }

    private void initialiseSlot(final MutableDirectBuffer buffer, final int slot, final long end)
    {
        buffer.putLong(slot + END_OFFSET, end);
        if (sessions != null)
        {
            buffer.putLong(slot + NEXT_OFFSET, SessionList.NO_WINDOW);
        }
        contents.reset(buffer, slot + contentsOffset);
    }

    private void addAndTrigger(
        final T record, final long timestamp, final long key, final long start, final long end, final int slot)
    {
        final MutableDirectBuffer buffer = windows.buffer();
        contents.add(record, timestamp, buffer, slot + contentsOffset);
        buffer.putLong(slot + ELEMENTS_OFFSET, buffer.getLong(slot + ELEMENTS_OFFSET) + 1);
        window.set(start, end);
        triggerContext.bind(key, start, buffer, slot + triggerOffset);
        final TriggerResult result = trigger.onElement(record, timestamp, window, triggerContext);
        if (result.isFire())
        {
            final FiringKind kind = !eventTime ? FiringKind.ON_TIME :
                window.maxTimestamp() <= watermark ? FiringKind.LATE : FiringKind.EARLY;
            fire(key, kind, buffer, slot, eventTime ? window.maxTimestamp() : timestamp);
        }
        if (result.isPurge())
        {
            purge(buffer, slot);
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        if (watermark <= this.watermark)
        {
            return;
        }
        this.watermark = watermark;
        while (timers.poll(watermark))
        {
            if (plainTumbling && ++firedSinceTouch >= TOUCH_BATCH)
            {
                touchQueuedWindows();
            }
            onTimer(timers.timestamp(), timers.key(), timers.namespace());
        }
        output.emitWatermark(watermark);
    }

    private void onTimer(final long time, final long key, final long start)
    {
        if (plainTumbling)
        {
            onTumblingTimer(time, key, start);
            return;
        }
        if (panes != null)
        {
            onPaneTimer(time, key, start);
            return;
        }
        final int slot = windows.find(key, start, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return;   // the window was merged away or removed: a stale timer
        }
        final MutableDirectBuffer buffer = windows.buffer();
        final long end = buffer.getLong(slot + END_OFFSET);
        window.set(start, end);
        if (buffer.getLong(slot + ELEMENTS_OFFSET) > 0)
        {
            triggerContext.bind(key, start, buffer, slot + triggerOffset);
            final TriggerResult result = trigger.onEventTime(time, window, triggerContext);
            if (result.isFire())
            {
                final long maxTimestamp = window.maxTimestamp();
                final FiringKind kind = !eventTime || time == maxTimestamp ? FiringKind.ON_TIME :
                    time < maxTimestamp ? FiringKind.EARLY : FiringKind.LATE;
                fire(key, kind, buffer, slot, eventTime ? maxTimestamp : time);
            }
            if (result.isPurge())
            {
                purge(buffer, slot);
            }
        }
        if (eventTime && time == cleanupTime(end))
        {
            removeWindow(key, start, end, slot);
        }
    }

    private void touchQueuedWindows()
    {
        firedSinceTouch = 0;
        long headers = touched;
        for (int i = 0, n = Math.min(TOUCH_BATCH, timers.queued()); i < n; i++)
        {
            headers ^= windows.touch(timers.queuedKey(i), timers.queuedNamespace(i), 0);
        }
        touched = headers;
    }

    /**
     * {@link #onTimer} specialised as {@link #processTumbling} is: the only timer is the trigger's at the window's
     * max timestamp, which is also its cleanup time, so the window fires on time and goes, removed by the offset
     * its lookup found rather than by a second probe. The trigger's clear would delete that timer, which the
     * append-only queue ignores.
     */
    private void onTumblingTimer(final long time, final long key, final long start)
    {
        final int slot = windows.find(key, start, 0);
        if (slot == OffHeapHashStore.NOT_FOUND)
        {
            return;
        }
        final MutableDirectBuffer buffer = windows.buffer();
        final long end = buffer.getLong(slot + END_OFFSET);
        if (time != end - 1)
        {
            return;
        }
        window.set(start, end);
        if (buffer.getLong(slot + ELEMENTS_OFFSET) > 0)
        {
            fire(key, FiringKind.ON_TIME, buffer, slot, time);
        }
        contents.release(buffer, slot + contentsOffset);
        windows.removeAt(slot);
    }

    private void fire(final long key, final FiringKind kind, final MutableDirectBuffer buffer, final int slot, final long emitAt)
    {
        counters.countFiring(kind);
        contents.emit(key, window, kind, buffer, slot + contentsOffset, output, emitAt);
    }

    private void purge(final MutableDirectBuffer buffer, final int slot)
    {
        contents.release(buffer, slot + contentsOffset);
        contents.reset(buffer, slot + contentsOffset);
        buffer.putLong(slot + ELEMENTS_OFFSET, 0);
    }

    private void removeWindow(final long key, final long start, final long end, final int slot)
    {
        final MutableDirectBuffer buffer = windows.buffer();
        triggerContext.bind(key, start, buffer, slot + triggerOffset);
        trigger.clear(window.set(start, end), triggerContext);
        contents.release(buffer, slot + contentsOffset);
        final long next = sessions != null ? buffer.getLong(slot + NEXT_OFFSET) : SessionList.NO_WINDOW;
        windows.remove(key, start, 0);
        if (sessions != null)
        {
            sessions.unlink(key, start, next);
        }
    }

    private boolean isLate(final long end)
    {
        return eventTime && cleanupTime(end) <= watermark;
    }

    private long cleanupTime(final long end)
    {
        return Timestamps.saturatingAdd(end - 1, allowedLateness);
    }

    private void registerCleanupTimer(final long key, final long start, final long end)
    {
        final long cleanup = cleanupTime(end);
        // A window is created or merged only while its cleanup time is ahead of the watermark, and then the
        // default trigger registers maxTimestamp, which equals the cleanup time when lateness is 0.
        if (eventTime && cleanup != Long.MAX_VALUE && !triggerTimerCleansUp)
        {
            timers.register(cleanup, key, start);
        }
    }

    private void deleteCleanupTimer(final long key, final long start, final long end)
    {
        if (eventTime)
        {
            timers.delete(cleanupTime(end), key, start);
        }
    }

    private void reject(final T record, final long timestamp, final RejectReason reason)
    {
        counters.countRejection(reason);
        output.emitSide(Rejected.<T>tag(), rejected.set(name, record, timestamp, reason, watermark), timestamp);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /**
     * Lists the key's open windows in start order: bounds, records added since creation or the last
     * purge, and the result the window would emit if it fired now (rendered with {@code toString}). Sliding
     * windows kept as panes are listed as the windows their panes make up.
     */
    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        if (panes != null)
        {
            describePanedKey(key, lines);
            return;
        }
        // Copied out during the visit: while the table grows an entry may sit in the old table, whose offsets mean
        // nothing in buffer(); emitted after it, in start order (a process function's preview may have side effects).
        final int slotBytes = contentsOffset + contents.slotBytes();
        final TreeMap<Long, UnsafeBuffer> found = new TreeMap<>();
        windows.forEach((k0, start, k2, buffer, offset) ->
        {
            if (k0 == key)
            {
                final UnsafeBuffer copy = new UnsafeBuffer(new byte[slotBytes]);
                copy.putBytes(0, buffer, offset, slotBytes);
                found.put(start, copy);
            }
        });
        final List<String> preview = new ArrayList<>();
        final Output<R> capture = new PreviewOutput<>(preview);
        for (final Map.Entry<Long, UnsafeBuffer> entry : found.entrySet())
        {
            final UnsafeBuffer slot = entry.getValue();
            final long start = entry.getKey();
            final long end = slot.getLong(END_OFFSET);
            preview.clear();
            contents.emit(key, new Window().set(start, end), FiringKind.ON_TIME, slot, contentsOffset, capture, end - 1);
            lines.add("window '" + name + "': key " + key + " [" + start + ", " + end + ") " +
                slot.getLong(ELEMENTS_OFFSET) + " records; would emit " + (preview.isEmpty() ? "nothing" : String.join(", ", preview)));
        }
    }

    /** The windows a paned key's panes make up, still open (cleanup time ahead of the watermark), as whole windows. */
    private void describePanedKey(final long key, final List<String> lines)
    {
        final TreeSet<Long> open = new TreeSet<>();
        windows.forEach((k0, paneStart, k2, buffer, offset) ->
        {
            if (k0 == key)
            {
                long start = paneStart;
                for (int i = 0; i < panes.panesPerWindow() && start <= paneStart; i++, start -= panes.slide())
                {
                    if (!isLate(assigner.windowEnd(start)))
                    {
                        open.add(start);
                    }
                }
            }
        });
        final List<String> preview = new ArrayList<>();
        final Output<R> capture = new PreviewOutput<>(preview);
        for (final long start : open)
        {
            preview.clear();
            final long records = panes.merge(windows, key, start);
            panes.emit(key, start, FiringKind.ON_TIME, capture);
            lines.add("window '" + name + "': key " + key + " [" + start + ", " + assigner.windowEnd(start) + ") " + records +
                " records; would emit " + (preview.isEmpty() ? "nothing" : String.join(", ", preview)));
        }
    }

    @Override
    public String snapshotType()
    {
        return "window";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putString(configuration());
        out.putLong(watermark);
        counters.snapshot(out);
        windows.snapshot(out);
        timers.snapshot(out);
        contents.snapshot(out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final String stored = in.getString();
        if (!stored.equals(configuration()))
        {
            throw in.corrupt("window operator '" + name + "' snapshot was taken with " + stored +
                " but the operator is configured as " + configuration());
        }
        watermark = in.getLong();
        counters.restore(in);
        windows.restore(in);
        timers.restore(in);
        contents.restore(in);
        if (sessions != null)
        {
            sessions.recount();
        }
    }

    private String configuration()
    {
        return assigner + " trigger=" + trigger + " allowedLateness=" + allowedLateness + " slotBytes=" +
            (contentsOffset + contents.slotBytes()) + (panes != null ? " panes" : "");
    }

    @Override
    public void close()
    {
        windows.close();
        timers.close();
        contents.close();
    }

    /** The trigger's view of the current key and window, rebound before every trigger call. */
    private final class BoundTriggerContext implements TriggerContext
    {
        private long key;
        private long namespace;
        private MutableDirectBuffer buffer;
        private int offset;

        void bind(final long key, final long namespace, final MutableDirectBuffer buffer, final int offset)
        {
            this.key = key;
            this.namespace = namespace;
            this.buffer = buffer;
            this.offset = offset;
        }

        @Override
        public long currentWatermark()
        {
            return watermark;
        }

        @Override
        public void registerEventTimeTimer(final long timestamp)
        {
            timers.register(timestamp, key, namespace);
        }

        @Override
        public void deleteEventTimeTimer(final long timestamp)
        {
            timers.delete(timestamp, key, namespace);
        }

        @Override
        public MutableDirectBuffer stateBuffer()
        {
            return buffer;
        }

        @Override
        public int stateOffset()
        {
            return offset;
        }
    }
}
