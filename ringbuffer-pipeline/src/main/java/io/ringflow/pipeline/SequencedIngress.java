package io.ringflow.pipeline;

/**
 * The way into a pipeline fed from a sequenced source, usually an input journal: the source, not the
 * ring, numbers every input, and processing time and checkpoint barriers arrive in-band, at the place
 * the source recorded them. Fed the same entries, the pipeline makes the same outputs with the same
 * {@link SequencedSink} keys, which is what recovery and replay rest on. Stages of such a pipeline never
 * read a clock: their operators see processing time only through {@link #processingTime}.
 * <p>
 * Every call waits while the ingress ring is full (in the stepped mode it steps the pipeline instead):
 * a source that reads a journal has nothing better to do, and waiting keeps the journal the only buffer.
 * <p>
 * Threading: one producer thread, which also drains or aborts the pipeline (or happens-before it).
 *
 * @param <T> record type of the ingress ring.
 */
public interface SequencedIngress<T>
{
    /**
     * Publish one record.
     *
     * @param translator fills the ring's pre-allocated slot.
     * @param argument   handed to the translator.
     * @param sequence   the record's sequence at the source (a journal index); increasing.
     * @param originNs   {@link System#nanoTime()} value its end-to-end latency counts from.
     * @param <A>        argument type.
     * @return {@link PublishResult#OK} or {@link PublishResult#CLOSED} once the pipeline failed or closed.
     */
    <A> PublishResult publish(RecordTranslator<T, A> translator, A argument, long sequence, long originNs);

    /**
     * Whether the ring has space for one more event now: a publish that finds none waits (or, stepped, runs
     * the stages). A source that holds back something the stages may be waiting for hands it over first when
     * this answers false. With one producer, space found here is still there at its next publish.
     *
     * @return true if the next publish will not wait for space; false (this default) when it may, which is the
     *         safe answer for such a source: it hands over early at worst.
     */
    default boolean hasCapacity()
    {
        return false;
    }

    /**
     * A watermark the source recorded (a journal's WATERMARK entry), delivered in-band like any upstream
     * watermark: a timestamp assigner in the pipeline replaces it with its own; a pipeline without one
     * takes its event time from it.
     *
     * @param watermark the watermark.
     * @param sequence  its sequence at the source.
     * @return as {@link #publish}.
     */
    PublishResult watermark(long watermark, long sequence);

    /**
     * Advance every stage's processing time.
     *
     * @param time     the processing time operators are to see.
     * @param sequence the tick's sequence at the source.
     * @return as {@link #publish}.
     */
    PublishResult processingTime(long time, long sequence);

    /**
     * Start a checkpoint: every stage snapshots its state as the barrier passes it, and the last stage
     * reports it once its sink received every output of the inputs before it.
     *
     * @param checkpointId increasing id.
     * @param sequence     the sequence of the last input before the barrier: the checkpoint's input sequence.
     * @return as {@link #publish}.
     */
    PublishResult barrier(long checkpointId, long sequence);

    /**
     * End the input: every window fires, and outputs of that final flush carry {@code sequence}.
     * Draining afterwards waits for it to pass every stage.
     *
     * @param sequence the end-of-stream's sequence at the source.
     * @return as {@link #publish}.
     */
    PublishResult endOfStream(long sequence);

    /** @return records published so far. */
    long publishedCount();
}
