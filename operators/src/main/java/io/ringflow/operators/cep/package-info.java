/**
 * Sequence patterns per key, a small CEP: {@code A followedBy B within T}, {@code A notFollowedBy B within T},
 * {@code times(n) within T} and chains of them, in event time, over off-heap state. Build a
 * {@link io.ringflow.operators.cep.Pattern} with {@link io.ringflow.operators.cep.Patterns} and run it with
 * {@link io.ringflow.operators.cep.PatternOperator}, whose Javadoc states the semantics: evaluation in
 * timestamp order once the watermark passes, inclusive {@code within} bounds, skip-till-next-match with a
 * configurable {@link io.ringflow.operators.cep.AfterMatchSkip}, late records to the rejected side output.
 */
package io.ringflow.operators.cep;
