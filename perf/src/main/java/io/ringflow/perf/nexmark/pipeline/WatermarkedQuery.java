package io.ringflow.perf.nexmark.pipeline;

import io.ringflow.operators.Timestamps;
import io.ringflow.operators.time.WatermarkGenerator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.NexmarkQuery;

/**
 * The consumer end of the hand-written pipelines: each event taken from the ring or queue goes to the
 * hand-written query, then the bounded out-of-orderness watermark if it advanced; the same calls as
 * {@link NexmarkDriver} makes on one thread, and as Ringflow's {@code TimestampsAndWatermarksOperator} makes
 * in a stage, so all engines see the same watermarks.
 * <p>
 * Threading: one thread at a time, handed over with a happens-before edge (the consumer thread's start, then
 * its join before {@link #endOfInput}). Allocates nothing per event.
 */
public final class WatermarkedQuery
{
    private final NexmarkQuery query;
    private final WatermarkGenerator<NexmarkEvent> watermarks =
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS).createGenerator();
    private long watermark = Timestamps.MIN_WATERMARK;

    /** @param query the hand-written query, built with its output. */
    public WatermarkedQuery(final NexmarkQuery query)
    {
        this.query = query;
    }

    /** @param event the next event, valid only during this call; its event time is its {@code dateTime}. */
    public void onEvent(final NexmarkEvent event)
    {
        final long timestamp = event.dateTime();
        query.processEvent(event, timestamp);
        final long next = watermarks.onEvent(event, timestamp);
        if (next > watermark)
        {
            watermark = next;
            query.processWatermark(next);
        }
    }

    /** End of input: fire every window still open, then release the query. */
    public void endOfInput()
    {
        watermark = Timestamps.END_OF_STREAM;
        query.processWatermark(Timestamps.END_OF_STREAM);
        query.close();
    }
}
