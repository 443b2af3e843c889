package io.ringflow.operators.cep;

/**
 * Extracts the {@code long} a {@link PatternMatch} reports for each matched record: a transaction id, an
 * order id, or the ingress sequence if the application copies it into the record. The operator core does
 * not see journal sequences, so this is how a match names the records it was built from.
 * <p>
 * Called once per record that satisfies at least one stage, on the operator's thread; must be
 * deterministic and should not allocate.
 *
 * @param <T> record type.
 */
@FunctionalInterface
public interface IdSelector<T>
{
    /**
     * @param record the record, valid only during this call.
     * @return its id.
     */
    long id(T record);
}
