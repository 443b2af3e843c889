package io.ringflow.perf.latency;

import io.ringflow.operators.stateless.FilterOperator;
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
 * Ringflow's runtime with one busy-spinning stage running an identity chain:
 * <pre>
 *   harness thread: ingress.tryPublish(FILL, this)   (single-producer ring; BACK_PRESSURED → false)
 *        ▼
 *   ingress ring (capacity slots)
 *        ▼
 *   stage thread (BUSY_SPIN): filter(true) ─► sink: onDelivered(intendedSendNs), sum payload
 * </pre>
 * Latency comes from the intended send time the harness puts in each record, so the runtime's own
 * latency tracking is off. At {@link #stop()} the pipeline is drained and the payload sum checked.
 */
final class RingflowSubject implements LatencySubject
{
    private static final RecordType<LatencyEvent> TYPE = RecordType.of("LatencyEvent", LatencyEvent::new,
        (from, to) ->
        {
            to.intendedSendNs = from.intendedSendNs;
            to.payload = from.payload;
        });
    private static final RecordTranslator<LatencyEvent, LatencyEvent> FILL = (slot, source) ->
    {
        slot.intendedSendNs = source.intendedSendNs;
        slot.payload = source.payload;
    };

    private final int capacity;
    private final LatencyEvent source = new LatencyEvent();
    private PipelineRuntime<LatencyEvent> pipeline;
    private DeliveringSink sink;
    private long offered;
    private long offeredSum;

    RingflowSubject(final int capacity)
    {
        this.capacity = capacity;
    }

    @Override
    public void start(final LatencySink latencySink)
    {
        sink = new DeliveringSink(latencySink);
        pipeline = PipelineBuilder.ingress("latency", TYPE, ProducerMode.SINGLE)
            .ingressRingSize(capacity)
            .latencyTracking(false)
            .stage(StageSpec.of("identity", () -> new FilterOperator<LatencyEvent>("identity", event -> true))
                .waitStrategy(WaitStrategy.BUSY_SPIN))
            .build(sink)
            .start();
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        source.intendedSendNs = intendedSendNs;
        source.payload = payload;
        if (PublishResult.OK != pipeline.ingress().tryPublish(FILL, source, intendedSendNs))
        {
            return false;
        }
        offered++;
        offeredSum += payload;
        return true;
    }

    @Override
    public void stop()
    {
        pipeline.close();
        Subjects.verify("ringflow", offered, offeredSum, sink.count, sink.sum);
    }

    private static final class DeliveringSink implements Sink<LatencyEvent>
    {
        private final LatencySink latencySink;
        long count;
        long sum;

        DeliveringSink(final LatencySink latencySink)
        {
            this.latencySink = latencySink;
        }

        @Override
        public void onRecord(final LatencyEvent record, final long timestamp)
        {
            latencySink.onDelivered(record.intendedSendNs);
            sum += record.payload;
            count++;
        }
    }
}
