package io.ringflow.perf;

import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.time.WatermarkGenerator;
import io.ringflow.operators.time.WatermarkStrategy;

/**
 * Drives one operator as the source end of a stage would: the next record of an {@link EventStream}
 * into {@link OneInputOperator#processRecord}, then the record's timestamp into the project's own
 * bounded out-of-orderness {@link WatermarkGenerator} ({@code maxTimestamp - bound - 1}), and the
 * watermark into {@link OneInputOperator#processWatermark} only when it advanced. So every record is
 * judged against the watermark of the records before it, deterministically (DESIGN.md).
 * <p>
 * Reuses one {@link Event}; allocates nothing per record.
 */
public final class RecordDriver
{
    private final EventStream stream;
    private final WatermarkGenerator<Event> watermarks;
    private final OneInputOperator<Event, ?> operator;
    private final Event event = new Event();
    private long watermark = Timestamps.MIN_WATERMARK;
    private long records;

    /**
     * @param stream                 the input.
     * @param maxOutOfOrdernessTicks the watermark bound.
     * @param operator               the operator (or chain) under test, already open.
     */
    public RecordDriver(final EventStream stream, final long maxOutOfOrdernessTicks, final OneInputOperator<Event, ?> operator)
    {
        this.stream = stream;
        this.watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(maxOutOfOrdernessTicks).createGenerator();
        this.operator = operator;
    }

    /**
     * Push {@code count} records, and the watermarks they advance, through the operator.
     *
     * @param count records to push.
     */
    public void drive(final int count)
    {
        final EventStream stream = this.stream;
        final WatermarkGenerator<Event> watermarks = this.watermarks;
        final OneInputOperator<Event, ?> operator = this.operator;
        final Event event = this.event;
        long watermark = this.watermark;
        for (int i = 0; i < count; i++)
        {
            final long timestamp = stream.next(event);
            operator.processRecord(event, timestamp);
            final long next = watermarks.onEvent(event, timestamp);
            if (next > watermark)
            {
                watermark = next;
                operator.processWatermark(next);
            }
        }
        this.watermark = watermark;
        records += count;
    }

    /** @return the last watermark passed to the operator. */
    public long watermark()
    {
        return watermark;
    }

    /** @return records pushed so far (warm-up included). */
    public long records()
    {
        return records;
    }
}
