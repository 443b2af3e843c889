package io.ringflow.perf.journal;

import io.ringflow.operators.window.WindowResult;
import io.ringflow.pipeline.SequencedSink;

/**
 * Counts the window results of a count + sum aggregate and adds up their two slots, so that a run can be
 * checked for losing or doubling a record (the counts must add up to the records published, the sums to
 * their amounts) as well as a result. The journal-off pipeline's sink; the journaled ones' callback behind
 * the output journal, so every mode pays the same call per result.
 * <p>
 * Threading: the last stage's thread; read the totals only after that thread has finished (the runtime's
 * drain joins it; a stepped {@code DurablePipeline.run()} returns on it).
 */
final class WindowTotals implements SequencedSink<WindowResult>
{
    /** Slot of the count aggregate in each result; the sum is in the next. */
    static final int COUNT_SLOT = 0;
    /** Slot of the amount sum. */
    static final int SUM_SLOT = 1;

    private long results;
    private long countSum;
    private long amountSum;

    @Override
    public void onRecord(final WindowResult result, final long timestamp)
    {
        results++;
        countSum += result.longValue(COUNT_SLOT);
        amountSum += result.longValue(SUM_SLOT);
    }

    @Override
    public void onRecord(final WindowResult result, final long timestamp, final long inputSequence, final int ordinal)
    {
        onRecord(result, timestamp);
    }

    /**
     * @param expectedResults one per (card, window).
     * @param records         payments published.
     * @param amountSum       their amounts added up.
     * @param mode            names the run in the message.
     * @throws IllegalStateException unless all three totals match.
     */
    void verify(final long expectedResults, final long records, final long amountSum, final String mode)
    {
        if (results != expectedResults || countSum != records || this.amountSum != amountSum)
        {
            throw new IllegalStateException(mode + ": expected " + expectedResults + " window results counting " +
                records + " payments of total amount " + amountSum + "; the sink got " + results + " results counting " +
                countSum + " payments of total amount " + this.amountSum);
        }
    }

    /** @return window results received. */
    long results()
    {
        return results;
    }
}
