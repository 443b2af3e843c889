package io.ringflow.perf.journal;

/**
 * One invocation of {@link JournalModesBenchmark}: a fresh pipeline in one journal mode, built and started
 * by its constructor (not measured), fed once by {@link #publishAllAndFinish} (measured), checked and closed
 * in the invocation's tear-down.
 * <p>
 * Threading: every method on the JMH benchmark thread, which is the producer; the pipeline runs on one
 * thread of its own.
 */
interface JournalModeRun extends AutoCloseable
{
    /**
     * Publish every payment as fast as the pipeline takes them, end the stream, and return once the last
     * window result has been delivered and the pipeline has closed.
     *
     * @param payments the input, the same in every mode.
     * @throws IllegalStateException if the pipeline refused a record, failed or did not finish in time.
     */
    void publishAllAndFinish(PaymentBatch payments);

    /**
     * Check what the pipeline itself reports (records fed, results journaled, checkpoints); the benchmark
     * checks the delivered results ({@link WindowTotals}) for every mode alike.
     *
     * @param records         payments published.
     * @param expectedResults window results every mode must produce.
     * @throws IllegalStateException naming what differs.
     */
    void verify(long records, long expectedResults);

    /** @return one line on the run, for the {@code [workload]} line. */
    String describe();

    /**
     * Stop the pipeline if it still runs (after a failure), release it and delete its files. Idempotent.
     */
    @Override
    void close();
}
