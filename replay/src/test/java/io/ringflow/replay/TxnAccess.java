package io.ringflow.replay;

/** Lets tests in other packages write {@link Txn} journals. */
public final class TxnAccess
{
    /** The codec. */
    public static final Txn.Codec CODEC = new Txn.Codec();

    private TxnAccess()
    {
    }

    /** @return a new transaction. */
    public static Txn newTxn()
    {
        return new Txn();
    }

    /**
     * @param txn    overwritten.
     * @param card   card.
     * @param timeMs event time.
     * @param amount amount.
     */
    public static void set(final Txn txn, final long card, final long timeMs, final long amount)
    {
        txn.set(card, timeMs, amount);
    }

    /**
     * @param txn a transaction.
     * @return its event time.
     */
    public static long time(final Txn txn)
    {
        return txn.timeMs;
    }
}
