package io.ringflow.perf.journal;

import io.ringflow.journal.InputJournal;

import java.nio.file.Path;

/**
 * What the journal benchmarks share outside the measured code: pre-written input journals and the check
 * that Chronicle's thread binding holds. Their scratch directories come from
 * {@link io.ringflow.perf.TempDirectories}, which the latency subjects share.
 */
final class JournalFixtures
{
    private JournalFixtures()
    {
    }

    /**
     * Write {@code records} payments of {@code workload} to a new input journal, each with its event time
     * and its number as ingest time, 64 to an excerpt as a producer that always has more appends them, and an
     * end-of-stream entry if asked.
     *
     * @param directory   the journal's directory; created.
     * @param workload    the payments.
     * @param records     how many.
     * @param endOfStream append an end-of-stream entry after them.
     */
    static void writeInput(final Path directory, final PaymentWorkload workload, final int records, final boolean endOfStream)
    {
        final Payment payment = new Payment();
        try (InputJournal journal = new InputJournal(directory))
        {
            journal.pretouch();
            for (int i = 0; i < records; i++)
            {
                workload.next(payment);
                journal.appendToBatch(Payment.CODEC, payment, payment.timeMs(), i);
            }
            if (endOfStream)
            {
                journal.appendEndOfStream(records);
            }
        }
    }

    /**
     * Fail unless the caller is the thread that set a benchmark's journal up. Chronicle would throw on the
     * next append or read anyway, while that thread lives; this says why, and also catches a set-up thread
     * that has died (Chronicle then silently hands the appender to the next thread).
     *
     * @param owner the thread that opened the journal.
     */
    static void requireOwner(final Thread owner)
    {
        if (Thread.currentThread() != owner)
        {
            throw new IllegalStateException("JMH moved the benchmark from thread '" + owner.getName() + "' to '" +
                Thread.currentThread().getName() + "': Chronicle binds a journal's appender and tailer to the " +
                "thread that first uses them, so open the journal on the benchmark thread (a Scope.Thread state)");
        }
    }
}
