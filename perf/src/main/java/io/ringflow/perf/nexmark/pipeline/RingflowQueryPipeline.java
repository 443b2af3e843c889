package io.ringflow.perf.nexmark.pipeline;

import com.lmax.disruptor.Sequence;
import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.perf.nexmark.EventSource;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineBuilder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageSpec;

/**
 * Ringflow's runtime wired by hand, as {@code perf.ring.RingflowOneToOneBenchmark} wires it, with the query's
 * fused chain on its one stage:
 * <pre>
 *   producer: ingress.tryPublish(FILL, source)   (single-producer ring; spins on BACK_PRESSURED)
 *        ▼
 *   ingress ring (capacity slots): the generator fills the slot in place
 *        ▼
 *   stage thread (BUSY_SPIN): OperatorChain[ TimestampsAndWatermarks (dateTime, 4 s bound) ──► the query's chain ]
 *        ▼
 *   sink: fingerprint each result; at the end of each batch, publish how many events the chain has taken
 * </pre>
 * Event time comes as in any Ringflow pipeline, from the chain's first operator; its watermark formula is
 * {@link NexmarkDriver}'s, so the results equal the hand-written engines'. Latency tracking is off (two
 * {@code System.nanoTime()} calls per event otherwise). Nothing is allocated per event.
 * <p>
 * Threading: as {@link QueryPipeline}.
 *
 * @param <R> the query's result type.
 */
final class RingflowQueryPipeline<R> implements QueryPipeline
{
    private static final RecordType<NexmarkEvent> EVENT =
        RecordType.of("NexmarkEvent", NexmarkEvent::new, (from, to) -> to.copyFrom(from));
    private static final RecordTranslator<NexmarkEvent, EventSource> FILL = (slot, source) -> source.next(slot);

    private final PipelineRuntime<NexmarkEvent> pipeline;
    private final CountingSink<R> sink;
    private long published;

    RingflowQueryPipeline(final QueryPlan<R> plan, final int capacity)
    {
        final TimestampsAndWatermarksOperator<NexmarkEvent> eventTime = new TimestampsAndWatermarksOperator<>(
            "event-time", WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS)
                .withTimestampAssigner(NexmarkEvent::dateTime));
        sink = new CountingSink<>(plan.newFingerprint(), eventTime);
        // the factory is called once (parallelism 1), so the stage's chain is the one whose count the sink reads
        pipeline = PipelineBuilder.ingress("nexmark-" + plan.query(), EVENT, ProducerMode.SINGLE)
            .ingressRingSize(capacity)
            .latencyTracking(false)
            .stage(StageSpec.of("query", () -> OperatorChain.first(eventTime).then(plan.ringflowChain()))
                .waitStrategy(WaitStrategy.BUSY_SPIN)
                .batchLimit(capacity))
            .build(sink)
            .start();
    }

    @Override
    public void publish(final EventSource source, final int count)
    {
        final PipelineRuntime<NexmarkEvent> pipeline = this.pipeline;
        for (int i = 0; i < count; i++)
        {
            PublishResult result;
            while (PublishResult.OK != (result = pipeline.ingress().tryPublish(FILL, source)))
            {
                checkRunning(result);
                Thread.onSpinWait();
            }
        }
        published += count;
    }

    @Override
    public void awaitProcessed()
    {
        while (sink.taken.get() < published)
        {
            checkRunning(PublishResult.OK);
            Thread.onSpinWait();
        }
    }

    @Override
    public long published()
    {
        return published;
    }

    @Override
    public ResultFingerprint<?> finish()
    {
        // drains: end of input fires every open window before the stage thread stops
        pipeline.close();
        return sink.results;
    }

    private void checkRunning(final PublishResult result)
    {
        if (PublishResult.CLOSED == result || null != pipeline.failure())
        {
            throw new IllegalStateException("pipeline stopped: " + pipeline.failure(), pipeline.failure());
        }
    }

    /** On the stage thread: fingerprints results, and publishes per batch how many events the chain took. */
    private static final class CountingSink<R> implements Sink<R>
    {
        final Sequence taken = new Sequence();
        final ResultFingerprint<R> results;
        private final TimestampsAndWatermarksOperator<NexmarkEvent> eventTime;

        CountingSink(final ResultFingerprint<R> results, final TimestampsAndWatermarksOperator<NexmarkEvent> eventTime)
        {
            this.results = results;
            this.eventTime = eventTime;
        }

        @Override
        public void onRecord(final R record, final long timestamp)
        {
            results.emit(record, timestamp);
        }

        @Override
        public void onEndOfBatch()
        {
            taken.set(eventTime.recordsEmitted());
        }
    }
}
