package io.ringflow.journal;

/**
 * Epoch nanoseconds for journal ingest times, read from {@link System#nanoTime()} plus one offset sampled
 * at construction: as cheap as {@code nanoTime}, with nanosecond differences that are exact within the
 * JVM (the wall clock has millisecond resolution and may step), and still comparable with the wall clock
 * across runs for {@code ringflow journal dump}.
 * <p>
 * A durable pipeline given the clock its producers stamp ingest times with
 * ({@code DurablePipeline.Builder#latencyFrom}) measures end-to-end latency from that stamp: journal
 * append, tail and ring hop included.
 * <p>
 * Threading: immutable; any thread.
 */
public final class IngestClock
{
    private final long offsetNs;
    private final long createdEpochNs;

    /** Sample the wall clock once. */
    public IngestClock()
    {
        final long nanoTime = System.nanoTime();
        createdEpochNs = System.currentTimeMillis() * 1_000_000L;
        offsetNs = createdEpochNs - nanoTime;
    }

    /** @return now, in epoch nanoseconds. */
    public long epochNanos()
    {
        return System.nanoTime() + offsetNs;
    }

    /**
     * @param nanoTime a {@link System#nanoTime()} reading of this JVM (an intended send time, say).
     * @return the same instant in epoch nanoseconds.
     */
    public long epochNanosAt(final long nanoTime)
    {
        return nanoTime + offsetNs;
    }

    /**
     * @param epochNanos an ingest time.
     * @return the same instant as a {@link System#nanoTime()} reading of this JVM.
     */
    public long nanoTimeAt(final long epochNanos)
    {
        return epochNanos - offsetNs;
    }

    /**
     * @param epochNanos an ingest time.
     * @return true if it is not older than this clock, so it may have been stamped with it; a previous
     *         run's entries, replayed in recovery, are older.
     */
    public boolean coversTime(final long epochNanos)
    {
        return epochNanos >= createdEpochNs;
    }
}
