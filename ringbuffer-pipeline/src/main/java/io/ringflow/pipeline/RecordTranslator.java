package io.ringflow.pipeline;

/**
 * Fills a pre-allocated ring slot from the producer's own data: the zero-copy way into a pipeline.
 * Pass the data as {@code argument} rather than capturing it in a lambda, so that publishing allocates
 * nothing.
 * <p>
 * Threading: called on the publishing thread, while it owns the slot. If it throws, the slot is
 * skipped, nothing is accepted, and the exception reaches the publisher.
 *
 * @param <T> ring record type.
 * @param <A> the producer's argument type.
 */
@FunctionalInterface
public interface RecordTranslator<T, A>
{
    /**
     * @param slot     the reused record to overwrite completely (it holds an older record's values).
     * @param argument what to write into it.
     */
    void translateTo(T slot, A argument);
}
