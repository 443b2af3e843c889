package io.ringflow.pipeline;

import java.util.concurrent.TimeUnit;

/**
 * The way into a running pipeline: producers fill a pre-allocated slot of the ingress ring in place.
 * A record is accepted when a call returns {@link PublishResult#OK}, and an accepted record is never
 * dropped: it is processed before {@code drain()} returns.
 * <p>
 * Threading: under {@link ProducerMode#MULTI} any number of threads may publish at once; under
 * {@link ProducerMode#SINGLE} one thread only. The translator runs on the calling thread.
 *
 * @param <T> record type of the ingress ring.
 */
public interface Ingress<T>
{
    /**
     * Publish without waiting. Stamps the record's origin time (for end-to-end latency) now.
     *
     * @param translator fills the slot.
     * @param argument   handed to the translator.
     * @param <A>        argument type.
     * @return {@link PublishResult#OK}, {@link PublishResult#BACK_PRESSURED} if the ring is full, or
     * {@link PublishResult#CLOSED}.
     */
    <A> PublishResult tryPublish(RecordTranslator<T, A> translator, A argument);

    /**
     * Publish without waiting, with an explicit origin time: a load generator passes each record's
     * intended send time so that latency counts the time a record waited to be sent (no coordinated
     * omission).
     *
     * @param translator fills the slot.
     * @param argument   handed to the translator.
     * @param originNs   {@link System#nanoTime()} clock value the latency of this record counts from.
     * @param <A>        argument type.
     * @return as {@link #tryPublish(RecordTranslator, Object)}.
     */
    <A> PublishResult tryPublish(RecordTranslator<T, A> translator, A argument, long originNs);

    /**
     * Publish, waiting up to {@code timeout} for space in the ring (spinning, then yielding, then
     * parking). In the stepped mode the wait steps the pipeline instead.
     *
     * @param translator fills the slot.
     * @param argument   handed to the translator.
     * @param timeout    how long to wait at most.
     * @param unit       unit of {@code timeout}.
     * @param <A>        argument type.
     * @return {@link PublishResult#OK}, {@link PublishResult#BACK_PRESSURED} if the ring stayed full
     * for the whole timeout, or {@link PublishResult#CLOSED}.
     */
    <A> PublishResult publish(RecordTranslator<T, A> translator, A argument, long timeout, TimeUnit unit);

    /** @return records accepted so far. */
    long acceptedCount();

    /** @return calls answered {@link PublishResult#BACK_PRESSURED} so far. */
    long backPressuredCount();
}
