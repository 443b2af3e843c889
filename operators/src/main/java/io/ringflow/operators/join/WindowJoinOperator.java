package io.ringflow.operators.join;

import io.ringflow.operators.Collector;
import io.ringflow.operators.KeySelector;
import io.ringflow.operators.Output;
import io.ringflow.operators.OutputTag;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.TwoInputOperator;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;
import io.ringflow.operators.window.FiringKind;
import io.ringflow.operators.window.ProcessWindowFunction;
import io.ringflow.operators.window.Window;
import io.ringflow.operators.window.WindowContents;
import io.ringflow.operators.window.WindowCounters;
import io.ringflow.operators.window.WindowOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * Window join and window co-group of two keyed streams (Flink's {@code join(...).where(...).equalTo(...)
 * .window(...)} and {@code coGroup(...)}): records of both sides are assigned to the same tumbling, sliding
 * or session windows per key, and when a window fires its left and right records go to a
 * {@link CoGroupFunction}, or, for a join, every left record with every right one through a
 * {@link JoinFunction} (nothing when either side is empty). Build with {@link #keyed}.
 * <p>
 * Like Flink, this is one keyed {@link WindowOperator} over the union of both sides, each record tagged
 * with its side, so its event-time semantics are the window operator's exactly: windows fire when the
 * combined watermark reaches their max timestamp, results carry that timestamp, session windows merge on
 * records of either side, and with allowed lateness a late record fires its window again with everything
 * in it (a join then re-emits every pair of the window). A record whose windows are all past
 * {@code maxTimestamp + allowedLateness} goes to {@link Rejected#TAG} with
 * {@link io.ringflow.operators.RejectReason#LATE}, carrying the caller's left or right record; Flink's
 * window join drops it silently.
 * <p>
 * <b>State:</b> the window operator's (one off-heap slot per key and window, records encoded by their
 * side's codec into pooled off-heap blocks until the window is cleaned up). When a window fires, its
 * records are decoded into two {@link WindowSide}s whose records are created as the largest window so far
 * needs them and then reused: no allocation per record or per firing in steady state.
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}: one thread at a time.
 *
 * @param <L> left record type.
 * @param <R> right record type.
 * @param <O> output type.
 */
public final class WindowJoinOperator<L, R, O> implements TwoInputOperator<L, R, O>
{
    private final String name;
    private final String kind;
    private final WindowOperator<Tagged<L, R>, O> windows;
    private final SidePool<L> leftPool;
    private final SidePool<R> rightPool;
    private final CoGroupFunction<L, R, O> function;
    private final Tagged<L, R> input = new Tagged<>();
    private final Rejected<Object> rejected = new Rejected<>();
    private final UnwrappingOutput unwrapping = new UnwrappingOutput();

    private Output<O> output;
    private List<String> describing;

    WindowJoinOperator(
        final String name,
        final String kind,
        final WindowJoinBuilder<L, R> builder,
        final SidePool<L> leftPool,
        final SidePool<R> rightPool,
        final TaggedCodec<L, R> codec,
        final CoGroupFunction<L, R, O> function)
    {
        this.name = name;
        this.kind = kind;
        this.leftPool = leftPool;
        this.rightPool = rightPool;
        this.function = function;
        this.windows = builder.windowOperator().process(codec, new SidesFunction());
    }

    /**
     * Start building a window join or co-group.
     *
     * @param name     names the operator in errors, snapshots and rejections.
     * @param leftKey  the key of a left record.
     * @param rightKey the key of a right record; records meet only within one key.
     * @param <L>      left record type.
     * @param <R>      right record type.
     * @return a builder.
     */
    public static <L, R> WindowJoinBuilder<L, R> keyed(
        final String name, final KeySelector<L> leftKey, final KeySelector<R> rightKey)
    {
        return new WindowJoinBuilder<>(name, leftKey, rightKey);
    }

    /** @return the operator's name. */
    public String name()
    {
        return name;
    }

    /** @return the window operator's counts: late records of both sides, firings, session merges. */
    public WindowCounters counters()
    {
        return windows.counters();
    }

    /** @return the last watermark processed. */
    public long currentWatermark()
    {
        return windows.currentWatermark();
    }

    /** @return open windows, all keys. */
    public int openWindows()
    {
        return windows.openWindows();
    }

    /** @return off-heap bytes held: window slots, timers and buffered records. */
    public long memoryBytes()
    {
        return windows.memoryBytes();
    }

    @Override
    public void open(final Output<O> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("window join '" + name + "' is already open");
        }
        this.output = output;
        windows.open(unwrapping);
    }

    @Override
    public void processLeft(final L record, final long timestamp)
    {
        windows.processRecord(input.left(record), timestamp);
    }

    @Override
    public void processRight(final R record, final long timestamp)
    {
        windows.processRecord(input.right(record), timestamp);
    }

    @Override
    public void processWatermark(final long watermark)
    {
        windows.processWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        windows.processIdle();
    }

    /**
     * One line per open window of the key, in start order: its bounds and the records of each side with
     * their timestamps ({@code toString}).
     */
    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        describing = lines;
        try
        {
            windows.describeKey(key, new ArrayList<>());
        }
        finally
        {
            describing = null;
        }
    }

    @Override
    public String snapshotType()
    {
        return "window-join";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putString(kind);
        Snapshots.write(windows, out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final String stored = in.getString();
        if (!stored.equals(kind))
        {
            throw in.corrupt("window join '" + name + "' snapshot holds a " + stored + " but the operator is a " + kind);
        }
        Snapshots.read(windows, in);
    }

    @Override
    public void close()
    {
        windows.close();
    }

    /** Decodes a firing window into the two sides, then runs the co-group (or, in describeKey, lists them). */
    private final class SidesFunction implements ProcessWindowFunction<Tagged<L, R>, O>
    {
        @Override
        public void process(
            final long key, final Window window, final FiringKind firing, final WindowContents<Tagged<L, R>> contents,
            final Collector<O> out)
        {
            leftPool.clear();
            rightPool.clear();
            while (contents.next())
            {
                if (contents.record().side == Tagged.LEFT)
                {
                    leftPool.timestampLast(contents.timestamp());
                }
                else
                {
                    rightPool.timestampLast(contents.timestamp());
                }
            }
            if (describing != null)
            {
                describing.add("window join '" + name + "': key " + key + " " + window + " left " + leftPool.describe() +
                    " right " + rightPool.describe());
                return;
            }
            function.coGroup(key, window, firing, leftPool, rightPool, out);
        }
    }

    /** Between the window operator and the real output: rejections carry the caller's record, not the tag. */
    private final class UnwrappingOutput implements Output<O>
    {
        @Override
        public void emit(final O record, final long timestamp)
        {
            output.emit(record, timestamp);
        }

        @Override
        public void emitWatermark(final long watermark)
        {
            output.emitWatermark(watermark);
        }

        @Override
        public void emitIdle()
        {
            output.emitIdle();
        }

        @Override
        public <S> void emitSide(final OutputTag<S> tag, final S record, final long timestamp)
        {
            if (record instanceof Rejected && tag.equals(Rejected.TAG))
            {
                final Rejected<?> inner = (Rejected<?>)record;
                final Object original = inner.record() instanceof Tagged ? ((Tagged<?, ?>)inner.record()).record() : inner.record();
                output.emitSide(Rejected.TAG,
                    rejected.set(inner.operatorName(), original, inner.timestamp(), inner.reason(), inner.watermark()), timestamp);
                return;
            }
            output.emitSide(tag, record, timestamp);
        }
    }
}
