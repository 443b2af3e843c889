package io.ringflow.perf.nexmark;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.time.WatermarkGenerator;
import io.ringflow.operators.time.WatermarkStrategy;

/**
 * Drives a {@link NexmarkQuery} as a stage's source end would: the next event, then the project's own
 * bounded out-of-orderness watermark ({@code maxTimestamp - 4000 - 1}, Nexmark's usual 4 s), passed on only
 * when it advances. Both engines of a query see exactly the same calls.
 * <p>
 * Threading: single-threaded. Reuses one {@link NexmarkEvent}; allocates nothing per event.
 */
public final class NexmarkDriver
{
    /** The watermark bound, ms: Nexmark's usual 4 s. */
    public static final long MAX_OUT_OF_ORDERNESS_MS = NexmarkGenerator.DEFAULT_MAX_OUT_OF_ORDER_MS;

    private final EventSource source;
    private final NexmarkQuery query;
    private final WatermarkGenerator<NexmarkEvent> watermarks =
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(MAX_OUT_OF_ORDERNESS_MS).createGenerator();
    private final NexmarkEvent event = new NexmarkEvent();
    private long watermark = Timestamps.MIN_WATERMARK;
    private long events;
    private long bids;

    /**
     * @param source the events.
     * @param query  the query, built with its output.
     */
    public NexmarkDriver(final EventSource source, final NexmarkQuery query)
    {
        this.source = source;
        this.query = query;
    }

    /**
     * Push {@code count} events, and the watermarks they advance, through the query.
     *
     * @param count events to push.
     */
    public void drive(final int count)
    {
        final EventSource source = this.source;
        final NexmarkQuery query = this.query;
        final WatermarkGenerator<NexmarkEvent> watermarks = this.watermarks;
        final NexmarkEvent event = this.event;
        long watermark = this.watermark;
        long bids = 0;
        for (int i = 0; i < count; i++)
        {
            final long timestamp = source.next(event);
            query.processEvent(event, timestamp);
            if (event.isBid())
            {
                bids++;
            }
            final long next = watermarks.onEvent(event, timestamp);
            if (next > watermark)
            {
                watermark = next;
                query.processWatermark(next);
            }
        }
        this.watermark = watermark;
        this.events += count;
        this.bids += bids;
    }

    /** End of input: the final watermark fires every window still open. */
    public void finish()
    {
        watermark = Timestamps.END_OF_STREAM;
        query.processWatermark(Timestamps.END_OF_STREAM);
    }

    /** @return the last watermark passed to the query. */
    public long watermark()
    {
        return watermark;
    }

    /** @return events pushed so far (warm-up included). */
    public long events()
    {
        return events;
    }

    /** @return bids among them. */
    public long bids()
    {
        return bids;
    }
}
