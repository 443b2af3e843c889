package io.ringflow.perf.latency;

import io.ringflow.operators.OperatorChain;
import io.ringflow.operators.stateless.StatelessOperator;
import io.ringflow.operators.time.TimestampsAndWatermarksOperator;
import io.ringflow.operators.time.WatermarkStrategy;
import io.ringflow.perf.nexmark.NexmarkBenchmark;
import io.ringflow.perf.nexmark.NexmarkDriver;
import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineBuilder;
import io.ringflow.pipeline.runtime.PipelineRuntime;
import io.ringflow.pipeline.runtime.StageSpec;

/**
 * Ringflow's runtime with one busy-spinning stage running a Nexmark query's fused chain, as
 * {@code NexmarkPipelineBenchmark}'s {@code ringflow} engine runs it:
 * <pre>
 *   harness thread: ingress.tryPublish(FILL, this)   (single-producer ring; BACK_PRESSURED → false)
 *        ▼
 *   ingress ring (capacity slots of TimedNexmarkEvent): the next generated event and the intended time
 *        ▼
 *   stage thread (BUSY_SPIN): OperatorChain[ Delivering ──► timestamps and watermarks (dateTime, 4 s) ──► query's chain ]
 *                                  └─ once the rest of the chain has returned: sink.onDelivered(intendedSendNs)
 * </pre>
 * The first operator hands the event on and reports the record delivered when the chain returns: the query
 * has processed it and the watermark it advanced, whether or not it produced a result (Q1 drops persons and
 * auctions), the same point as the hand-written subjects report. The translator runs only when a slot is
 * free, so a refused offer takes no event. At {@link #stop()} the pipeline is drained and the payloads and
 * the query's results are checked ({@link NexmarkSubjectWorkload}).
 */
final class RingflowNexmarkSubject implements LatencySubject
{
    private static final RecordType<TimedNexmarkEvent> TYPE =
        RecordType.of("TimedNexmarkEvent", TimedNexmarkEvent::new, (from, to) -> to.copyFrom(from));
    private static final RecordTranslator<TimedNexmarkEvent, RingflowNexmarkSubject> FILL =
        (slot, subject) -> subject.workload.fill(slot, subject.intendedSendNs, subject.payload);

    private final int capacity;
    private final NexmarkSubjectWorkload<?> workload;
    private PipelineRuntime<TimedNexmarkEvent> pipeline;
    private Delivering delivering;
    private long intendedSendNs;
    private long payload;

    RingflowNexmarkSubject(final int capacity, final NexmarkBenchmark.Query query)
    {
        this.capacity = capacity;
        this.workload = NexmarkSubjectWorkload.of(query);
    }

    @Override
    public void start(final LatencySink sink)
    {
        delivering = new Delivering(sink);
        pipeline = build(workload, delivering, capacity).start();
    }

    private static <R> PipelineRuntime<TimedNexmarkEvent> build(
        final NexmarkSubjectWorkload<R> workload, final Delivering delivering, final int capacity)
    {
        final TimestampsAndWatermarksOperator<NexmarkEvent> eventTime = new TimestampsAndWatermarksOperator<>(
            "event-time", WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(NexmarkDriver.MAX_OUT_OF_ORDERNESS_MS)
                .withTimestampAssigner(NexmarkEvent::dateTime));
        return PipelineBuilder.ingress("latency-" + workload.plan.query(), TYPE, ProducerMode.SINGLE)
            .ingressRingSize(capacity)
            .latencyTracking(false)
            .stage(StageSpec.of("query", () -> OperatorChain.first(delivering).then(eventTime).then(workload.plan.ringflowChain()))
                .waitStrategy(WaitStrategy.BUSY_SPIN))
            .build(workload.results::emit);
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        this.intendedSendNs = intendedSendNs;
        this.payload = payload;
        if (PublishResult.OK != pipeline.ingress().tryPublish(FILL, this))
        {
            return false;
        }
        workload.accepted(payload);
        return true;
    }

    @Override
    public void stop()
    {
        pipeline.close();
        workload.verify(workload.name("ringflow"), delivering.delivered, delivering.deliveredSum);
    }

    /** First in the chain, on the stage thread: unwraps the event, and reports it once the chain is done with it. */
    private static final class Delivering extends StatelessOperator<TimedNexmarkEvent, NexmarkEvent>
    {
        private final LatencySink sink;
        long delivered;
        long deliveredSum;

        Delivering(final LatencySink sink)
        {
            super("delivering", "latency-delivering");
            this.sink = sink;
        }

        @Override
        public void processRecord(final TimedNexmarkEvent record, final long timestamp)
        {
            output.emit(record.event, timestamp);
            sink.onDelivered(record.intendedSendNs);
            deliveredSum += record.payload;
            delivered++;
        }
    }
}
