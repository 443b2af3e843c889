package io.ringflow.perf.journal;

import io.ringflow.journal.durable.FastIngress;
import io.ringflow.journal.durable.JournalMode;
import io.ringflow.perf.TempDirectories;
import io.ringflow.pipeline.PublishResult;

import java.nio.file.Path;

/**
 * The chain as a {@link JournalMode#FAST} pipeline: the producer publishes straight into the pipeline, and
 * the pipeline's one thread journals each record and runs the stage.
 * <pre>
 *   benchmark thread: FastIngress.publishToBatch(payment, event time)  (ingest time = its clock's now; 64
 *        │            records an excerpt; blocks while the journal ring (8,192) or the ingress ring (16,384)
 *        │            is full, committing the batch if the ingress wait lasts), then endOfStream (which commits
 *        │            the last batch)
 *        ├─► journal ring ─┐
 *        └─► ingress ring ─┤
 *   pipeline thread, DurablePipeline.run() stepped: append a batch of what came to the input journal (pre-touched,
 *        pages touched ahead) ─► step the stage: the chain ─► [waits until its input is journaled]
 *        ─► output journal ─► WindowTotals; when idle, yield
 *   measured end: run() returned (drained, checkpoints committed, journals closed)
 * </pre>
 * Here the pipeline thread pays the input journal's append besides the stage, and the producer only a
 * copy into each ring. Not stepped ({@code -p stepped=false}), the stage has a thread of its own (yielding
 * when idle) and {@code run()}'s thread only journals.
 * <p>
 * Threading: every method on the benchmark thread, the ingress's one producer: the constructor (run in
 * the invocation's set-up) takes the ingress there, and {@link #publishAllAndFinish} checks that JMH still
 * runs on that thread.
 */
final class FastModeRun implements JournalModeRun
{
    private final Path root;
    private final Thread owner;
    private final Payment payment = new Payment();
    private final PipelineThread pipeline;
    private final FastIngress<Payment> ingress;

    /**
     * Start {@code run()} in a fresh directory and wait for its ingress.
     *
     * @param totals  the callback behind the output journal.
     * @param stepped whether the stage runs on {@code run()}'s thread (drawn above) rather than a thread of its
     *                own.
     */
    FastModeRun(final WindowTotals totals, final boolean stepped)
    {
        root = TempDirectories.create("ringflow-journal-modes-fast-");
        owner = Thread.currentThread();
        pipeline = new PipelineThread("fast", JournalModesBenchmark.journaled(root, JournalMode.FAST, stepped, totals));
        try
        {
            ingress = pipeline.fastIngress();
        }
        catch (final RuntimeException | Error ex)
        {
            // JMH runs no tear-down after a failed set-up; without an ingress, run() has ended or stops itself
            if (pipeline.stop())
            {
                TempDirectories.deleteRecursively(root);
            }
            throw ex;
        }
    }

    @Override
    public void publishAllAndFinish(final PaymentBatch payments)
    {
        JournalFixtures.requireOwner(owner);
        final FastIngress<Payment> ingress = this.ingress;
        final Payment payment = this.payment;
        for (int i = 0, n = payments.size(); i < n; i++)
        {
            payments.copy(i, payment);
            if (PublishResult.OK != ingress.publishToBatch(payment, payment.timeMs()))
            {
                throw new IllegalStateException("fast: the pipeline closed its ingress after " + i + " records");
            }
        }
        if (PublishResult.OK != ingress.endOfStream())
        {
            throw new IllegalStateException("fast: the pipeline closed its ingress before the end-of-stream");
        }
        pipeline.awaitEnd();
    }

    @Override
    public void verify(final long records, final long expectedResults)
    {
        if (ingress.publishedCount() != records)
        {
            throw new IllegalStateException("fast: the ingress took " + ingress.publishedCount() + " records, not " + records);
        }
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
        ingress.halt();   // CLOSED, and nothing done, once the stream ended; else run() stops at a checkpoint
        if (pipeline.stop())   // a pipeline still running keeps its files open: leave them
        {
            TempDirectories.deleteRecursively(root);
        }
    }
}
