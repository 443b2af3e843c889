package io.ringflow.pipeline;

/**
 * Receives the records user functions threw on, under {@link ErrorPolicy#DEAD_LETTER}.
 * <p>
 * Threading: called on the failing stage's thread (from each partition thread of a parallel stage).
 * If the handler itself throws, the pipeline fails.
 */
@FunctionalInterface
public interface DeadLetterHandler
{
    /**
     * @param letter the record, where it failed and why; reused after the call.
     */
    void onDeadLetter(DeadLetter letter);

    /**
     * @return a handler that keeps nothing: dead letters are still counted per stage, and the first of
     * each stage is reported on standard error.
     */
    static DeadLetterHandler countOnly()
    {
        return letter ->
        {
        };
    }
}
