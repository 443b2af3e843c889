package io.ringflow.operators.cep;

/**
 * A test record: a card (the key), an id, a type letter that the stage predicates look at, and an amount.
 * Type {@code 'x'} satisfies every stage of {@link Txn#is}, to exercise records that play several stages.
 */
record Txn(long card, long id, char type)
{
    static RecordPredicate<Txn> is(final char type)
    {
        return txn -> txn.type == type || txn.type == 'x';
    }

    static RecordPredicate<Txn> exactly(final char type)
    {
        return txn -> txn.type == type;
    }
}
