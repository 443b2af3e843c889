package io.ringflow.perf.journal;

import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.Ingress;
import io.ringflow.pipeline.ProducerMode;
import io.ringflow.pipeline.PublishResult;
import io.ringflow.pipeline.RecordTranslator;
import io.ringflow.pipeline.Source;
import io.ringflow.pipeline.runtime.PipelineRuntime;

import java.util.concurrent.TimeUnit;

/**
 * The journal modes' baseline: the benchmark's chain with no journal, as an application without one runs
 * it: a single-producer ingress ring and the stage on a thread of its own.
 * <pre>
 *   benchmark thread: ingress.publish(payment, timeout)  (spins, yields, then parks while the ring is full)
 *        ▼ ingress ring (16,384 slots)
 *   stage thread (YIELDING): the chain ─► WindowTotals
 *   measured end: drain() (end of input fires the open windows, the stage thread ends) and close()
 * </pre>
 * Threading: every method on the benchmark thread, which is the producer and, under
 * {@link ProducerMode#SINGLE}, the runtime's controlling thread.
 */
final class JournalOffRun implements JournalModeRun
{
    /** A full ring for this long means the stage is stuck, not slow. */
    private static final long PUBLISH_TIMEOUT_S = 10;
    private static final RecordTranslator<Payment, Payment> COPY = (slot, payment) -> slot.set(payment);

    private final Payment payment = new Payment();
    private final PipelineRuntime<Payment> runtime;

    /**
     * Build the pipeline and start its stage thread.
     *
     * @param totals the sink.
     */
    JournalOffRun(final WindowTotals totals)
    {
        runtime = JournalModesBenchmark.chain(
                Source.of("perf-journal-modes-off", Payment.TYPE).producerMode(ProducerMode.SINGLE), totals)
            .build()
            .start();
    }

    @Override
    public void publishAllAndFinish(final PaymentBatch payments)
    {
        final Ingress<Payment> ingress = runtime.ingress();
        final Payment payment = this.payment;
        for (int i = 0, n = payments.size(); i < n; i++)
        {
            final PublishResult result = ingress.publish(COPY, payments.copy(i, payment), PUBLISH_TIMEOUT_S, TimeUnit.SECONDS);
            if (PublishResult.OK != result)
            {
                throw new IllegalStateException("journal off: publish answered " + result + " after " + i + " records");
            }
        }
        runtime.drain();
        runtime.close();   // as DurablePipeline.run() closes its runtime before it returns
    }

    @Override
    public void verify(final long records, final long expectedResults)
    {
        if (runtime.ingress().acceptedCount() != records)
        {
            throw new IllegalStateException("journal off: the ingress accepted " + runtime.ingress().acceptedCount() +
                " records, not " + records);
        }
    }

    @Override
    public String describe()
    {
        return "accepted=" + runtime.ingress().acceptedCount() + " backPressured=" + runtime.ingress().backPressuredCount();
    }

    @Override
    public void close()
    {
        runtime.close();
    }
}
