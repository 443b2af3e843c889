package io.ringflow.perf.journal;

import io.ringflow.journal.IngestClock;
import io.ringflow.journal.InputJournal;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.perf.TempDirectories;

import java.nio.file.Path;

/**
 * The chain as a {@link JournalMode#DURABLE} pipeline: the producer appends to the input journal, and the
 * pipeline's one thread tails it and runs the stage.
 * <pre>
 *   benchmark thread: InputJournal.appendToBatch(payment, event time, ingest time = IngestClock now)
 *        │            (64 records an excerpt; pre-touched, pages touched ahead; never back-pressured),
 *        │            then appendEndOfStream, which appends the last batch with it
 *        ▼ input journal
 *   pipeline thread, DurablePipeline.run() stepped: tail a batch of entries ─► ring ─► step the stage:
 *        the chain ─► output journal ─► WindowTotals; when caught up, yield
 *   measured end: run() returned (drained, checkpoints committed, journals closed)
 * </pre>
 * Here the producer pays the input journal's append: one Chronicle excerpt per 64 records, since it always
 * has more to send (a producer that ran out would commit the batch then). Fast mode moves the append to
 * the pipeline thread (batched the same way since 2026-11-27; an excerpt per record before). Not stepped ({@code -p stepped=false}),
 * the stage has a thread of its own (yielding when idle) and {@code run()}'s thread only tails the journal
 * into its ring.
 * <p>
 * Threading: every method on the benchmark thread. Chronicle binds the input journal's appender to the
 * thread that opens it, so the constructor (run in the invocation's set-up, on that thread) opens it and
 * {@link #publishAllAndFinish} checks that JMH still runs on that thread.
 */
final class DurableModeRun implements JournalModeRun
{
    private final Path root;
    private final InputJournal journal;
    private final Thread owner;
    private final IngestClock clock = new IngestClock();
    private final Payment payment = new Payment();
    private final PipelineThread pipeline;
    private boolean journalClosed;

    /**
     * Create the journals' directory and the input journal, start {@code run()} and wait until it tails the
     * journal.
     *
     * @param totals  the callback behind the output journal.
     * @param stepped whether the stage runs on {@code run()}'s thread (drawn above) rather than a thread of its
     *                own.
     */
    DurableModeRun(final WindowTotals totals, final boolean stepped)
    {
        root = TempDirectories.create("ringflow-journal-modes-durable-");
        owner = Thread.currentThread();
        // Opened before run() starts, so that the pipeline's tailer finds an existing journal.
        journal = new InputJournal(root.resolve(JournalModesBenchmark.INPUT));
        PipelineThread started = null;
        try
        {
            journal.pretouch();
            journal.touchPagesAhead();
            started = new PipelineThread("durable", JournalModesBenchmark.journaled(root, JournalMode.DURABLE, stepped, totals));
            started.awaitRunning();
        }
        catch (final RuntimeException | Error ex)
        {
            // JMH runs no tear-down after a failed set-up: leave no thread or directory behind
            closeJournal();
            if (null == started || started.stop())
            {
                TempDirectories.deleteRecursively(root);
            }
            throw ex;
        }
        pipeline = started;
    }

    @Override
    public void publishAllAndFinish(final PaymentBatch payments)
    {
        JournalFixtures.requireOwner(owner);
        final InputJournal journal = this.journal;
        final IngestClock clock = this.clock;
        final Payment payment = this.payment;
        for (int i = 0, n = payments.size(); i < n; i++)
        {
            payments.copy(i, payment);
            journal.appendToBatch(Payment.CODEC, payment, payment.timeMs(), clock.epochNanos());
        }
        journal.appendEndOfStream(clock.epochNanos());
        pipeline.awaitEnd();
    }

    @Override
    public void verify(final long records, final long expectedResults)
    {
        pipeline.verify(records, expectedResults, JournalModesBenchmark.minimumCheckpoints(records));
    }

    @Override
    public String describe()
    {
        return null == pipeline.report() ? "no report" : pipeline.report().describe();
    }

    @Override
    public void close()
    {
        closeJournal();
        if (pipeline.stop())   // a pipeline still running keeps its files open: leave them
        {
            TempDirectories.deleteRecursively(root);
        }
    }

    private void closeJournal()
    {
        if (!journalClosed)
        {
            journalClosed = true;
            journal.close();
        }
    }
}
