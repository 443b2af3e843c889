package io.ringflow.perf.latency;

import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.FastIngress;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.Timestamps;
import io.ringflow.perf.TempDirectories;
import io.ringflow.pipeline.PublishResult;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link JournalOffSubject}'s pipeline in fast mode ({@link JournalMode#FAST}): the harness publishes
 * straight into the pipeline, and the pipeline's own thread journals each record beside processing.
 * <pre>
 *   harness thread: FastIngress.publishToBatch(record, ingest time = IngestClock.epochNanosAt(intendedSendNs)),
 *        │          commitBatch() when the harness is ahead of schedule (before 2026-11-27: publish)
 *        ├─► journal ring ──► journaling thread (DurablePipeline.run(), idle by TAIL_IDLE) ──► input journal
 *        └─► ingress ring (capacity slots)
 *                 ▼
 *   stage (STEPPED, the default: on the journaling thread, after journaling; else its own thread,
 *   JournalOffSubject.STAGE_WAIT): filter "pass-all" ─► [waits until its input is journaled]
 *                 ─► OutputJournalSink (into its batch) ─► callback: onDelivered(intendedSendNs), sum payload
 * </pre>
 * So a record's latency counts the ring hop, the filter, the wait for its own journaling (normally done by
 * then: the append ran in parallel) and its encoding into the output journal's batch (appended at the end
 * of the stage's batch, after the callback) — not an input-journal append and a
 * tail before processing, as {@link DurableJournalSubject}'s does. The same threads as that subject
 * ({@link DurableJournalSubject#STEPPED}).
 * <p>
 * At {@link #stop()} it ends the stream, waits for {@code run()}, and fails unless every offered record was
 * journaled and output once and the delivered count and payload sum match; then deletes its directory.
 * <p>
 * Threading: {@link #offer} on the harness's producer thread only (the ingress has one producer);
 * {@link #start} and {@link #stop} on the harness's main thread, {@code stop} after the producer ended.
 */
final class FastJournalSubject implements LatencySubject
{
    private static final String PIPELINE_ID = "perf-latency-fast-v1";
    private static final long START_TIMEOUT_S = 30;
    private static final long STOP_TIMEOUT_MS = 60_000;

    private final int capacity;
    private final LatencyEvent event = new LatencyEvent();
    private Path root;
    private DurablePipeline<LatencyEvent, LatencyEvent> pipeline;
    private FastIngress<LatencyEvent> ingress;
    private JournalOffSubject.DeliveringSink sink;
    private Thread journaller;
    private volatile RecoveryReport report;
    private volatile Throwable failure;
    private long offered;
    private long offeredSum;

    FastJournalSubject(final int capacity)
    {
        this.capacity = capacity;
    }

    @Override
    public void start(final LatencySink latencySink)
    {
        root = TempDirectories.create("ringflow-latency-fast-");
        sink = new JournalOffSubject.DeliveringSink(latencySink);
        pipeline = DurablePipeline.<LatencyEvent, LatencyEvent>builder(PIPELINE_ID)
            .input(root.resolve("input"), LatencyEventCodec.CODEC, JournalOffSubject.TYPE)
            .output(root.resolve("output"), LatencyEventCodec.CODEC)
            .checkpoints(root.resolve("checkpoints"), 2)
            .checkpointEvery(1_000_000, 1_000)
            .mode(JournalMode.FAST)
            .tailIdle(DurableJournalSubject.TAIL_IDLE)
            .stepped(DurableJournalSubject.STEPPED)
            .callback(sink)
            .plan((source, outputJournal) -> JournalOffSubject.chain(source, capacity, outputJournal))
            .build();
        journaller = new Thread(this::runPipeline, "fast-subject-journaller");
        journaller.start();
        try
        {
            ingress = pipeline.fastIngress(START_TIMEOUT_S, TimeUnit.SECONDS);
        }
        catch (final TimeoutException | InterruptedException ex)
        {
            throw new IllegalStateException("ringflow-fast: the pipeline did not start within " + START_TIMEOUT_S + " s", ex);
        }
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        event.intendedSendNs = intendedSendNs;
        event.payload = payload;
        if (PublishResult.OK != ingress.publishToBatch(event, Timestamps.NO_TIMESTAMP, ingress.clock().epochNanosAt(intendedSendNs)))
        {
            throw new IllegalStateException("ringflow-fast: the pipeline closed after " + offered + " records", failure);
        }
        offered++;
        offeredSum += payload;
        return true;
    }

    /** The batch of what was published while behind schedule (often one record) is journaled now. */
    @Override
    public void caughtUp()
    {
        if (PublishResult.OK != ingress.commitBatch())
        {
            throw new IllegalStateException("ringflow-fast: the pipeline closed after " + offered + " records", failure);
        }
    }

    @Override
    public void stop()
    {
        try
        {
            ingress.endOfStream();
            journaller.join(STOP_TIMEOUT_MS);
            if (journaller.isAlive())
            {
                throw new IllegalStateException("ringflow-fast: the pipeline did not reach the end-of-stream within " +
                    STOP_TIMEOUT_MS + " ms; its files stay in " + root);
            }
            checkRun();
            Subjects.verify("ringflow-fast", offered, offeredSum, sink.count, sink.sum);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ringflow-fast: interrupted while stopping", ex);
        }
        finally
        {
            if (!journaller.isAlive())
            {
                TempDirectories.deleteRecursively(root);
            }
        }
    }

    private void runPipeline()
    {
        try
        {
            report = pipeline.run();
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;
        }
    }

    private void checkRun()
    {
        if (null != failure)
        {
            throw new IllegalStateException("ringflow-fast: the pipeline failed: " + failure, failure);
        }
        final RecoveryReport run = report;
        if (null == run || run.recordsFed() != offered || run.outputsAppended() != offered || !run.reachedEndOfStream())
        {
            throw new IllegalStateException("ringflow-fast: expected " + offered + " records journaled and output " +
                "and the end-of-stream; the run " + (null == run ? "returned nothing" : run.describe()));
        }
        System.out.println("ringflow-fast: " + run.describe());
    }
}
