package io.ringflow.perf.peers;

/**
 * What a run of a query produced, in two numbers: how many results, and an order-independent checksum of
 * them (the sum of each result's {@link ResultHash} mixed with its timestamp). Two runs with equal fingerprints
 * did the same work, whatever order their results came in; the measurement refuses to compare runs whose
 * fingerprints differ.
 * <p>
 * Threading: not thread-safe; one thread adds. Allocates nothing per result.
 */
public final class Fingerprint implements ResultListener
{
    private long count;
    private long checksum;

    /** An empty fingerprint. */
    public Fingerprint()
    {
    }

    /**
     * @param count    results.
     * @param checksum their checksum.
     */
    public Fingerprint(final long count, final long checksum)
    {
        this.count = count;
        this.checksum = checksum;
    }

    /**
     * @param resultHash a result's {@link ResultHash}.
     * @param timestamp  its timestamp, ms.
     */
    public void add(final long resultHash, final long timestamp)
    {
        count++;
        checksum += term(resultHash, timestamp);
    }

    /** Counts a result as {@link #add} does: a fingerprint is what a measured run sends its results to. */
    @Override
    public void onResult(final long resultHash, final long timestamp, final Object result)
    {
        add(resultHash, timestamp);
    }

    /**
     * @param resultHash a result's {@link ResultHash}.
     * @param timestamp  its timestamp, ms.
     * @return what that result adds to the checksum (the Flink sink adds it to an accumulator).
     */
    static long term(final long resultHash, final long timestamp)
    {
        return ResultHash.mix(resultHash ^ ResultHash.mix(timestamp));
    }

    /** @return results counted. */
    public long count()
    {
        return count;
    }

    /** @return the checksum. */
    public long checksum()
    {
        return checksum;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Fingerprint && ((Fingerprint)o).count == count && ((Fingerprint)o).checksum == checksum;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(count * 31 + checksum);
    }

    @Override
    public String toString()
    {
        return count + " results, checksum " + Long.toHexString(checksum);
    }
}
