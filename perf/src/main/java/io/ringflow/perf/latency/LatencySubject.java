package io.ringflow.perf.latency;

/**
 * The system under test of {@link FixedRateLatencyHarness}: a pipeline with one producer, the harness's
 * pacing thread, and a consumer thread at its end that reports every record to a {@link LatencySink}.
 * <pre>
 *   harness thread ──offer(intendedSendNs, payload)──► [ subject: ring / queue / Ringflow stages ]
 *                                                              │ consumer thread, per record
 *                                                              ▼
 *                                                 sink.onDelivered(intendedSendNs)
 * </pre>
 * To add a subject: implement these three methods, carry both longs through the pipeline in pre-allocated
 * slots (nothing allocated per record), and register a factory in {@link Subjects}. The harness creates a
 * fresh subject for every run and calls, in order: {@code start} once, {@code offer} from one thread only,
 * {@code stop} once.
 */
public interface LatencySubject
{
    /**
     * Start the consumer thread(s); return once the subject accepts offers.
     *
     * @param sink to be called by the last consumer thread for each delivered record.
     */
    void start(LatencySink sink);

    /**
     * Try to hand one record to the pipeline without blocking. On {@code false} the harness spins and offers
     * the same record again with the same intended time, so time spent back-pressured counts as latency.
     *
     * @param intendedSendNs when the record was due to be sent ({@code System.nanoTime()} scale), to be passed
     *                       unchanged to {@link LatencySink#onDelivered(long)}.
     * @param payload        the record's value: the harness sends 0, 1, 2, … so a subject may check it.
     * @return {@code true} if accepted, {@code false} if back-pressured.
     */
    boolean offer(long intendedSendNs, long payload);

    /**
     * The producer is ahead of schedule: the next record is not due yet. A subject that batches what it is
     * offered (natural batching: batch while behind, hand on when caught up) hands its batch on here; the
     * default holds nothing back and does nothing. Called at most once per record, and once after the last
     * one, on the producer thread.
     */
    default void caughtUp()
    {
    }

    /**
     * Called after every accepted record has been delivered, or the harness gave up waiting: stop and join the
     * threads, release resources, and throw {@link IllegalStateException} if records were lost or corrupted.
     */
    void stop();
}
