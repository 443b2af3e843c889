package io.ringflow.operators.cep;

/**
 * Entry point of the pattern API: start a pattern, chain stages, bound it with {@code within}.
 * <pre>{@code
 * Pattern<Txn> largeThenTransfer = Patterns.<Txn>begin("large", t -> t.amount() > 10_000)
 *     .followedBy("transfer", t -> t.type() == TRANSFER)
 *     .within(60_000);
 * Pattern<Txn> loginWithout2fa = Patterns.<Txn>begin("login", Txn::isLogin)
 *     .notFollowedBy("2fa", Txn::is2fa)
 *     .within(30_000);
 * Pattern<Txn> threeDeclines = Patterns.<Txn>times("declined", Txn::isDeclined, 3).within(10_000);
 * }</pre>
 * The semantics (bounds, order, consumption) are those of {@link PatternOperator}. Threading: stateless
 * factories, called at set-up; patterns are immutable and may be shared.
 */
public final class Patterns
{
    private Patterns()
    {
    }

    /**
     * @param stage     names the first stage in matches; unique within the pattern.
     * @param predicate what a record must satisfy to start a match.
     * @param <T>       record type.
     * @return a builder whose pattern starts with that stage.
     */
    public static <T> PatternBuilder<T> begin(final String stage, final RecordPredicate<? super T> predicate)
    {
        return new PatternBuilder<>(stage, predicate);
    }

    /**
     * {@code begin(stage, predicate).times(count)}: {@code count} records satisfying {@code predicate}, not
     * necessarily consecutive (records between them that do not satisfy it are skipped).
     *
     * @param stage     names the stage in matches.
     * @param predicate what each occurrence must satisfy.
     * @param count     occurrences, at least 1 (then follow it with a further stage).
     * @param <T>       record type.
     * @return a builder whose pattern starts with {@code count} occurrences of the stage.
     */
    public static <T> PatternBuilder<T> times(final String stage, final RecordPredicate<? super T> predicate, final int count)
    {
        return new PatternBuilder<T>(stage, predicate).times(count);
    }
}
