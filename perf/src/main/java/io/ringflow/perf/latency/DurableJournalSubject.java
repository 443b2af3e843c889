package io.ringflow.perf.latency;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.durable.DurablePipeline;
import io.ringflow.journal.durable.RecoveryReport;
import io.ringflow.operators.Timestamps;
import io.ringflow.perf.TempDirectories;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The {@link JournalOffSubject}'s pipeline in durable mode: the harness journals each record, and a
 * {@link DurablePipeline} tails the input journal through the same chain into an output journal.
 * <pre>
 *   harness thread: InputJournal.appendToBatch(record, ingest time = IngestClock.epochNanosAt(intendedSendNs)),
 *        │          commitBatch() when the harness is ahead of schedule (so one record an excerpt at the
 *        │          offered rate, up to 64 while catching up; before 2026-11-27 append, an excerpt each);
 *        │          pre-touched; a page-toucher thread faults the pages ahead; never back-pressured
 *        ▼
 *   input journal (Chronicle queue in a fresh temporary directory)
 *        ▼
 *   feeder thread: DurablePipeline.run(): tail, publish each record with its sequence; when caught up,
 *        │         idle by TAIL_IDLE; a checkpoint barrier every 1 s or 1,000,000 records
 *        ▼
 *   ingress ring (capacity slots)
 *        ▼
 *   stage (STEPPED, the default: on the feeder thread; else its own, JournalOffSubject.STAGE_WAIT):
 *                filter "pass-all" ─► OutputJournalSink (into its batch; appended at the stage's end of batch)
 *                                                                   ─► callback: onDelivered(intendedSendNs), sum payload
 *   checkpoint-writer thread: writes and fsyncs each (empty: the chain has no state) checkpoint
 * </pre>
 * So a record's latency counts its input-journal append, the tail's poll, the ring hop, the filter and its
 * encoding into the output journal's batch; the batch's append comes after the callback (since
 * 2026-11-27; before, each output was appended before its callback, so earlier figures include that
 * append), and delays the records behind it, which count from their intended times. Nothing is fsynced per record: durability against a process crash, as Chronicle gives it.
 * <p>
 * At {@link #stop()} the subject appends the end-of-stream, waits for {@code run()} to return, and fails
 * unless its {@link RecoveryReport} shows a fresh start, every record fed and one output appended per record,
 * and the delivered count and payload sum match what was offered; the journals and checkpoints are deleted.
 * <p>
 * Operating note: {@code start()} takes 0.6–1.5 s in a fresh JVM (Chronicle's classes, three new journals
 * and the recovery's look for a checkpoint). The harness fixes its send schedule before it calls
 * {@code start()}, so that time shows as "send lag max" and as a catch-up burst at the start of the warm-up:
 * keep the warm-up at its default of 5 s or more.
 * <p>
 * {@link FastJournalSubject} runs the same chain with the journal beside processing.
 * <p>
 * Threading: {@link #offer} on the harness's producer thread only: Chronicle binds the input journal's
 * appender to it, so the journal is opened there, at the first offer. {@link #start} and {@link #stop} on the
 * harness's main thread, {@code stop} after the producer thread has ended (the harness joins it first), which
 * is when Chronicle lets another thread take the appender over to append the end-of-stream.
 */
final class DurableJournalSubject implements LatencySubject
{
    /**
     * What the feeder does when it has caught up with the input journal: yield, as the stages do
     * ({@link JournalOffSubject#STAGE_WAIT}, whose comment says why: three threads on two cores). The
     * pipeline's default backs off to parks of up to 1 ms, which adds up to a millisecond to a record that
     * arrives after a gap (in smoke runs on the 2-core VM its median was several times the yielding one's);
     * busy-spinning would take a core from the producer or the stage.
     */
    static final IdleStrategy TAIL_IDLE = YieldingIdleStrategy.INSTANCE;

    /**
     * Whether the pipeline's stages run on {@code run()}'s thread (stepped) rather than threads of their own:
     * stepped by default, so the journaled subjects use two threads (the harness's producer and the
     * pipeline's), as the journal-off one does (producer and stage); with a feeder or journaller thread and a
     * stage thread besides the producer, three threads share this VM's two cores and measure its scheduler.
     * {@code -Dringflow.latency.stepped=false} gives the stages their threads (for machines with cores to spare).
     */
    static final boolean STEPPED = Boolean.parseBoolean(System.getProperty("ringflow.latency.stepped", "true"));

    private static final String PIPELINE_ID = "perf-latency-durable-v1";
    private static final long CHECKPOINT_EVERY_RECORDS = 1_000_000;
    private static final long CHECKPOINT_EVERY_MS = 1_000;
    private static final int CHECKPOINTS_RETAINED = 2;
    private static final long START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long STOP_TIMEOUT_MS = 60_000;

    private final int capacity;
    private final IngestClock clock = new IngestClock();
    private final LatencyEvent event = new LatencyEvent();
    private Path root;
    private Path inputDir;
    private DurablePipeline<LatencyEvent, LatencyEvent> pipeline;
    private JournalOffSubject.DeliveringSink sink;
    private Thread feeder;
    private volatile RecoveryReport report;
    private volatile Throwable failure;
    private InputJournal journal;
    private Thread writer;
    private long offered;
    private long offeredSum;

    DurableJournalSubject(final int capacity)
    {
        this.capacity = capacity;
    }

    @Override
    public void start(final LatencySink latencySink)
    {
        root = TempDirectories.create("ringflow-latency-durable-");
        inputDir = root.resolve("input");
        // creates the journal's directory and first file now, so the feeder's tailer starts on an existing journal
        try (InputJournal created = new InputJournal(inputDir))
        {
            created.pretouch();
        }
        sink = new JournalOffSubject.DeliveringSink(latencySink);
        pipeline = DurablePipeline.<LatencyEvent, LatencyEvent>builder(PIPELINE_ID)
            .input(inputDir, LatencyEventCodec.CODEC, JournalOffSubject.TYPE)
            .output(root.resolve("output"), LatencyEventCodec.CODEC)
            .checkpoints(root.resolve("checkpoints"), CHECKPOINTS_RETAINED)
            .checkpointEvery(CHECKPOINT_EVERY_RECORDS, CHECKPOINT_EVERY_MS)
            .tailIdle(TAIL_IDLE)
            .stepped(STEPPED)
            .callback(sink)
            .plan((source, outputJournal) -> JournalOffSubject.chain(source, capacity, outputJournal))
            .build();
        feeder = new Thread(this::runPipeline, "durable-subject-feeder");
        feeder.start();
        awaitRunning();
    }

    @Override
    public boolean offer(final long intendedSendNs, final long payload)
    {
        InputJournal journal = this.journal;
        if (null == journal)
        {
            journal = openOnWriterThread();
        }
        event.intendedSendNs = intendedSendNs;
        event.payload = payload;
        // the ingest time is the intended send time, so the journaled time is the harness's, not the append's
        journal.appendToBatch(LatencyEventCodec.CODEC, event, Timestamps.NO_TIMESTAMP, clock.epochNanosAt(intendedSendNs));
        offered++;
        offeredSum += payload;
        return true;
    }

    /** The batch of what was offered while behind schedule (often one record) goes to the journal now. */
    @Override
    public void caughtUp()
    {
        if (null != journal)
        {
            journal.commitBatch();
        }
    }

    @Override
    public void stop()
    {
        try
        {
            endStream();
            checkRun();
            Subjects.verify("ringflow-durable", offered, offeredSum, sink.count, sink.sum);
        }
        finally
        {
            if (!feeder.isAlive())   // a pipeline still running keeps its files open: leave them
            {
                TempDirectories.deleteRecursively(root);
            }
        }
    }

    /** The slow path of the first offer: open the journal on the thread that will append to it. */
    private InputJournal openOnWriterThread()
    {
        final InputJournal opened = new InputJournal(inputDir);
        opened.pretouch();
        opened.touchPagesAhead();
        writer = Thread.currentThread();
        journal = opened;
        return opened;
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

    /** Return once the feeder is tailing the journal, so that start-up stays out of the first records' latency. */
    private void awaitRunning()
    {
        final long deadlineNs = System.nanoTime() + START_TIMEOUT_NS;
        while (null == pipeline.runtime())
        {
            if (!feeder.isAlive() || System.nanoTime() > deadlineNs)
            {
                pipeline.stop();
                throw new IllegalStateException("ringflow-durable: the durable pipeline did not start" +
                    (null == failure ? " within " + TimeUnit.NANOSECONDS.toSeconds(START_TIMEOUT_NS) + " s" : ""), failure);
            }
            Thread.yield();
        }
    }

    private void endStream()
    {
        if (null != writer && writer.isAlive())
        {
            throw new IllegalStateException("ringflow-durable: stop() while the producer thread '" + writer.getName() +
                "' lives: Chronicle binds the input journal's appender to it until it ends");
        }
        final InputJournal last = null == journal ? new InputJournal(inputDir) : journal;
        try
        {
            last.appendEndOfStream(clock.epochNanos());
        }
        finally
        {
            last.close();
            journal = null;
        }
        try
        {
            feeder.join(STOP_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (feeder.isAlive())
        {
            pipeline.stop();
            throw new IllegalStateException("ringflow-durable: the pipeline did not reach the end-of-stream within " +
                STOP_TIMEOUT_MS + " ms; asked it to stop; its files stay in " + root);
        }
    }

    private void checkRun()
    {
        if (null != failure)
        {
            throw new IllegalStateException("ringflow-durable: the durable pipeline failed: " + failure, failure);
        }
        final RecoveryReport run = report;
        if (null == run || run.restoredCheckpointId() >= 0 || run.recordsFed() != offered ||
            run.outputsAppended() != offered || run.outputsVerified() != 0 || !run.reachedEndOfStream())
        {
            throw new IllegalStateException("ringflow-durable: expected a fresh start, " + offered + " records fed, " +
                offered + " outputs appended and the end-of-stream; the run " + (null == run ? "returned nothing" : run.describe()));
        }
        System.out.println("ringflow-durable: " + run.describe());
    }
}
