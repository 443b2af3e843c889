package io.ringflow.operators.stateless;

import io.ringflow.operators.OutputTag;

/**
 * The most general per-record function: it may emit any number of records on the main output, send
 * records to side outputs, and read the record's timestamp and the current watermark. Run by a
 * {@link ProcessOperator}.
 * <p>
 * Threading: called on the operator's thread, one record at a time. To stay allocation-free, emit
 * records the function owns and reuses.
 *
 * @param <I> input type.
 * @param <O> main-output type.
 */
@FunctionalInterface
public interface ProcessFunction<I, O>
{
    /**
     * @param record the input record, valid only during this call.
     * @param ctx    emits and reads time; valid only during this call.
     */
    void processElement(I record, Context<O> ctx);

    /**
     * What a {@link ProcessFunction} can do with the record it processes. One instance per operator,
     * reused for every record and usable only during {@link #processElement}.
     * <p>
     * Threading: the operator's thread only.
     *
     * @param <O> main-output type.
     */
    interface Context<O>
    {
        /**
         * Emit on the main output, with the input's timestamp.
         *
         * @param record may be reused as soon as this returns.
         */
        void emit(O record);

        /**
         * Emit on a side output, with the input's timestamp. Side outputs leave a chain without passing
         * through the operators after this one.
         *
         * @param tag    which side output.
         * @param record may be reused as soon as this returns.
         * @param <S>    side-output type.
         */
        <S> void output(OutputTag<S> tag, S record);

        /**
         * @return the input record's timestamp, {@link io.ringflow.operators.Timestamps#NO_TIMESTAMP} if it
         *         has none.
         */
        long timestamp();

        /**
         * @return the last watermark this operator received,
         *         {@link io.ringflow.operators.Timestamps#MIN_WATERMARK} before any.
         */
        long currentWatermark();
    }
}
