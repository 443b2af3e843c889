package io.ringflow.perf.latency;

import io.ringflow.pipeline.Pipeline;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.RecordType;
import io.ringflow.pipeline.SequencedSink;
import io.ringflow.pipeline.Sink;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.WaitStrategy;
import io.ringflow.pipeline.runtime.PipelineRuntime;

/**
 * The durable comparison's baseline: the same pipeline as {@link DurableJournalSubject}, built with the DSL
 * ({@link #chain}), with no journal at all:
 * <pre>
 *   harness thread: ingress.tryPublish(FILL, this)   (single-producer ring; BACK_PRESSURED → false)
 *        ▼
 *   ingress ring (capacity slots)
 *        ▼
 *   stage thread (YIELDING): filter "pass-all" (keeps every record) ─► sink: onDelivered(intendedSendNs), sum payload
 * </pre>
 * It differs from the {@code ringflow} subject ({@link RingflowSubject}: the runtime wired without the DSL, a
 * busy-spinning stage) in its wait strategy, {@link #STAGE_WAIT}, which the durable subject shares: the
 * journal-off, durable (and later fast) figures differ only by the journal. Latency comes from the intended
 * send time carried in each record, so the runtime's own latency tracking is off. At {@link #stop()} the
 * pipeline is drained and count and payload sum checked.
 * <p>
 * Threading: {@link #offer} on the harness's producer thread only; {@link #start} and {@link #stop} on the
 * harness's main thread, {@code stop} after the producer thread has ended.
 */
final class JournalOffSubject implements LatencySubject
{
    /**
     * What every stage of the journal comparison does with an empty ring: spin, then {@code Thread.yield()}.
     * The durable subject runs three threads that want a core (the harness's busy-spinning producer, the
     * journal feeder, the stage) on a 2-core development machine; a busy-spinning stage would starve the
     * feeder for whole scheduler slices, so the stage yields. This subject uses the same strategy so that the
     * comparison measures the journal, not the wait strategy; on a machine with a core per thread,
     * {@code BUSY_SPIN} for all is the low-latency setting (change it here, for all subjects at once).
     */
    static final WaitStrategy STAGE_WAIT = WaitStrategy.YIELDING;

    /** How the chain's records are held in rings: copied field by field into pre-allocated slots. */
    static final RecordType<LatencyEvent> TYPE = RecordType.of("LatencyEvent", LatencyEvent::new,
        (from, to) ->
        {
            to.intendedSendNs = from.intendedSendNs;
            to.payload = from.payload;
        });

    private static final RecordTranslator<LatencyEvent, LatencyEvent> FILL = (slot, event) -> TYPE.copy(event, slot);

    private final int capacity;
    private final LatencyEvent source = new LatencyEvent();
    private PipelineRuntime<LatencyEvent> pipeline;
    private DeliveringSink sink;
    private long offered;
    private long offeredSum;

    JournalOffSubject(final int capacity)
    {
        this.capacity = capacity;
    }

    /**
     * The chain every subject of the journal comparison runs, on one stage: a filter that keeps every record,
     * so each input makes exactly one output. Called on the thread that builds the pipeline.
     *
     * @param source   the ingress: single-producer here, sequenced (fed from the input journal) in durable mode.
     * @param ringSize ingress ring slots, a power of two.
     * @param sink     where the records go.
     * @return the plan, not built.
     */
    static Pipeline<LatencyEvent> chain(
        final Source<LatencyEvent> source, final int ringSize, final Sink<? super LatencyEvent> sink)
    {
        return Pipeline.from(source.ringSize(ringSize))
            .filter("pass-all", event -> true)
            .waitStrategy(STAGE_WAIT)
            .to(sink)
            .latencyTracking(false);
    }

    @Override
    public void start(final LatencySink latencySink)
    {
        sink = new DeliveringSink(latencySink);
        pipeline = chain(Source.of("latency-journal-off", TYPE).producerMode(ProducerMode.SINGLE), capacity, sink)
            .build()
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
        pipeline.close();   // drains, then joins the stage thread: its counts are visible from here on
        Subjects.verify("ringflow-journal-off", offered, offeredSum, sink.count, sink.sum);
    }

    /**
     * Reports each record that left the chain to the harness, and counts it. A {@link SequencedSink} so that
     * the durable subject can hand it to its pipeline as the callback behind the output journal; a plain
     * pipeline calls the unkeyed form.
     * <p>
     * Threading: the stage's thread; read {@link #count} and {@link #sum} only after that thread has ended.
     */
    static final class DeliveringSink implements SequencedSink<LatencyEvent>
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

        @Override
        public void onRecord(final LatencyEvent record, final long timestamp, final long inputSequence, final int ordinal)
        {
            onRecord(record, timestamp);
        }
    }
}
