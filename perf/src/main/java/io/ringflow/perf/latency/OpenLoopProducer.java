package io.ringflow.perf.latency;

/**
 * The pacing thread: sends record {@code i} at {@code startNs + i * 1e9 / rate}, busy-spinning on
 * {@code System.nanoTime()} until then, and never skips one. Each record carries its intended send time, not
 * the time it actually went, so when the subject back-pressures or the sender itself falls behind, the wait
 * is charged to the records that suffered it (coordinated omission accounted for):
 * <pre>
 *   intended(i) = startNs + i * 1e9 / rate
 *   if nanoTime() &lt; intended(i): subject.caughtUp(), spin until nanoTime() &gt;= intended(i)
 *   ─► spin until subject.offer(intended(i), i) ─► i + 1;     after the last record: subject.caughtUp()
 * </pre>
 * Records the sender's worst lag behind schedule, and when the last record was accepted, from which the
 * achieved rate of the measurement phase follows. The loop has no branch on the phase: one that the warm-up
 * never takes would deoptimise the loop at the start of the measurement.
 */
final class OpenLoopProducer implements Runnable
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LatencySubject subject;
    private final long startNs;
    private final long rate;
    private final long records;
    private final long firstMeasuredRecord;
    private long lastAcceptedNs;
    private long maxSendLagNs;

    OpenLoopProducer(
        final LatencySubject subject, final long startNs, final long rate, final long warmUpRecords, final long records)
    {
        this.subject = subject;
        this.startNs = startNs;
        this.rate = rate;
        this.records = records;
        this.firstMeasuredRecord = warmUpRecords;
    }

    @Override
    public void run()
    {
        final LatencySubject subject = this.subject;
        long maxLagNs = 0;
        for (long i = 0; i < records; i++)
        {
            final long intendedNs = startNs + i * NANOS_PER_SECOND / rate;
            long nowNs = System.nanoTime();
            if (nowNs < intendedNs)
            {
                subject.caughtUp();
                while ((nowNs = System.nanoTime()) < intendedNs)
                {
                    Thread.onSpinWait();
                }
            }
            maxLagNs = Math.max(maxLagNs, nowNs - intendedNs);
            while (!subject.offer(intendedNs, i))
            {
                Thread.onSpinWait();
            }
        }
        subject.caughtUp();   // nothing more will come: what a batching subject holds must go now
        lastAcceptedNs = System.nanoTime();
        maxSendLagNs = maxLagNs;
    }

    /**
     * Valid once the thread running this has been joined.
     *
     * @return records of the measurement phase per second, from the first one's intended send time to the last
     * one's acceptance plus one interval: the target rate when the sender kept to schedule, less when it ended
     * late.
     */
    double achievedRate()
    {
        final long measured = records - firstMeasuredRecord;
        final long measureStartNs = startNs + firstMeasuredRecord * NANOS_PER_SECOND / rate;
        return measured * 1e9 / (lastAcceptedNs - measureStartNs + NANOS_PER_SECOND / rate);
    }

    /**
     * Valid once the thread running this has been joined.
     *
     * @return the most the sender was behind schedule when it got round to a record, before offering it.
     */
    long maxSendLagNs()
    {
        return maxSendLagNs;
    }
}
