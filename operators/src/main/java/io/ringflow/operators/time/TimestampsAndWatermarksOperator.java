package io.ringflow.operators.time;

import io.ringflow.operators.AbstractOperator;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.snapshot.Snapshots;

import java.util.Objects;

/**
 * Where a stream gets its event time: stamps each record, then emits a watermark whenever the
 * {@link WatermarkStrategy}'s generator says it advanced. Order on the output per record: the record,
 * then the watermark it produced, so each record is judged downstream against the watermark of the
 * records before it.
 * <ul>
 * <li>A record whose timestamp is reserved ({@link Timestamps#isValidEventTime} false) is not
 * processed: it goes to {@link Rejected#TAG} with {@link RejectReason#INVALID_TIMESTAMP}, carrying
 * {@link Timestamps#NO_TIMESTAMP} as its side-output timestamp (the raw value is in
 * {@link Rejected#timestamp()}), and changes neither the watermark nor idleness.</li>
 * <li>This operator owns event time: upstream watermarks and idleness are ignored, except
 * {@link Timestamps#END_OF_STREAM}, which is forwarded because it means end of input.</li>
 * <li>Idleness: with {@link WatermarkStrategy#withIdleness}, once processing time (ticks handed to
 * {@link #onProcessingTime}) has advanced by the timeout with no record, {@code emitIdle()} is sent
 * once; the next record (emitted downstream) makes the stream active again. A record is dated to the
 * first tick after it, so the stream never goes idle less than the timeout after its last record.</li>
 * </ul>
 * Threading: single-threaded, called on the operator's thread; allocates nothing per record.
 *
 * @param <T> record type.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractOperator<T, T>
{
    private final String name;
    private final TimestampAssigner<T> timestampAssigner;
    private final WatermarkGenerator<T> generator;
    private final long idleTimeoutTicks;
    private final Rejected<T> rejected = new Rejected<>();

    private long currentWatermark = Timestamps.MIN_WATERMARK;
    private long maxTimestampSeen = BoundedOutOfOrdernessGenerator.NO_TIMESTAMP_SEEN;
    private boolean idle;
    // true until a tick has dated the latest activity: the first tick, or the first tick after a record
    private boolean activityPending = true;
    private long lastActivityTick;
    private long recordsEmitted;
    private long recordsRejected;
    private long watermarksEmitted;
    private long idleDeclarations;

    /**
     * @param name     names the operator in rejections and errors.
     * @param strategy where timestamps and watermarks come from.
     */
    public TimestampsAndWatermarksOperator(final String name, final WatermarkStrategy<T> strategy)
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("operator name must not be empty");
        }
        if (strategy.isExcludedFromWatermark())
        {
            throw new IllegalArgumentException("operator '" + name + "': a strategy excluded from the watermark " +
                "only makes sense for one side of a two-sided stream; a single stream would never have event time");
        }
        this.name = name;
        this.timestampAssigner = strategy.timestampAssigner();
        this.generator = strategy.createGenerator();
        this.idleTimeoutTicks = strategy.idleTimeoutTicks();
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        final long eventTime = null == timestampAssigner ? timestamp : timestampAssigner.extractTimestamp(record);
        if (!Timestamps.isValidEventTime(eventTime))
        {
            reject(record, eventTime);
            return;
        }

        // the generator runs before anything changes here, so a throwing user function leaves no trace
        final long watermark = generator.onEvent(record, eventTime);
        if (eventTime > maxTimestampSeen)
        {
            maxTimestampSeen = eventTime;
        }
        idle = false;
        activityPending = true;
        recordsEmitted++;

        output.emit(record, eventTime);
        // compared with what was emitted, so a watermark lost to a failing emit goes out with the next record
        if (watermark > currentWatermark)
        {
            emitWatermarkNow(watermark);
        }
    }

    private void reject(final T record, final long eventTime)
    {
        recordsRejected++;
        rejected.set(name, record, eventTime, RejectReason.INVALID_TIMESTAMP, currentWatermark);
        output.emitSide(Rejected.tag(), rejected, Timestamps.NO_TIMESTAMP);
    }

    /**
     * Upstream event time is replaced by this operator's, except end of input, which is forwarded once.
     *
     * @param watermark the upstream watermark.
     */
    @Override
    public void processWatermark(final long watermark)
    {
        if (Timestamps.END_OF_STREAM == watermark && currentWatermark != Timestamps.END_OF_STREAM)
        {
            emitWatermarkNow(Timestamps.END_OF_STREAM);
        }
    }

    /**
     * Ignored: this operator decides its output's idleness from its own records and timeout.
     */
    @Override
    public void processIdle()
    {
    }

    @Override
    public void onProcessingTime(final long nowTicks)
    {
        if (WatermarkStrategy.NO_IDLE_TIMEOUT == idleTimeoutTicks)
        {
            return;
        }
        if (activityPending)
        {
            activityPending = false;
            lastActivityTick = nowTicks;
        }
        else if (!idle && currentWatermark != Timestamps.END_OF_STREAM &&
            nowTicks - lastActivityTick >= idleTimeoutTicks)
        {
            idle = true;
            idleDeclarations++;
            output.emitIdle();
        }
    }

    private void emitWatermarkNow(final long watermark)
    {
        currentWatermark = watermark;
        idle = false;
        watermarksEmitted++;
        output.emitWatermark(watermark);
    }

    /** @return the name given at construction. */
    public String name()
    {
        return name;
    }

    /** @return the last watermark emitted, {@link Timestamps#MIN_WATERMARK} before any. */
    public long currentWatermark()
    {
        return currentWatermark;
    }

    /** @return the highest valid timestamp seen, {@code Long.MIN_VALUE} before any. */
    public long maxTimestampSeen()
    {
        return maxTimestampSeen;
    }

    /** @return whether the output is declared idle now. */
    public boolean isIdle()
    {
        return idle;
    }

    /** @return records stamped and emitted. */
    public long recordsEmitted()
    {
        return recordsEmitted;
    }

    /** @return records sent to {@link Rejected#TAG} for a reserved timestamp. */
    public long recordsRejected()
    {
        return recordsRejected;
    }

    /** @return watermarks emitted, end of stream included. */
    public long watermarksEmitted()
    {
        return watermarksEmitted;
    }

    /** @return how many times the output was declared idle. */
    public long idleDeclarations()
    {
        return idleDeclarations;
    }

    @Override
    public String snapshotType()
    {
        return "timestamps-and-watermarks";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    /**
     * Layout v1: current watermark, max timestamp seen, idle, activity pending (booleans), last activity
     * tick, the four counters (longs), then the generator's own framed snapshot.
     */
    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putLong(currentWatermark)
            .putLong(maxTimestampSeen)
            .putBoolean(idle)
            .putBoolean(activityPending)
            .putLong(lastActivityTick)
            .putLong(recordsEmitted)
            .putLong(recordsRejected)
            .putLong(watermarksEmitted)
            .putLong(idleDeclarations);
        Snapshots.write(generator, out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        currentWatermark = in.getLong();
        maxTimestampSeen = in.getLong();
        idle = in.getBoolean();
        activityPending = in.getBoolean();
        lastActivityTick = in.getLong();
        recordsEmitted = readCounter(in, "recordsEmitted");
        recordsRejected = readCounter(in, "recordsRejected");
        watermarksEmitted = readCounter(in, "watermarksEmitted");
        idleDeclarations = readCounter(in, "idleDeclarations");
        // framed, so restoring a punctuated snapshot into a bounded operator fails loudly
        Snapshots.read(generator, in);
    }

    private long readCounter(final SnapshotReader in, final String counter)
    {
        final int offset = in.position();
        final long value = in.getLong();
        if (value < 0)
        {
            throw in.corrupt("operator '" + name + "' counter " + counter + " is " + value + " at offset " + offset);
        }
        return value;
    }
}
