package io.ringflow.examples.fraud;

import io.ringflow.operators.Rejected;
import io.ringflow.pipeline.SequencedSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the fraud detector reports besides its alerts: dead letters by reason (and the first few, for
 * people), duplicates, payments too late for their velocity window or for the geo-jump pattern, and alerts by rule as they are
 * journaled. Written on the stage's thread, read from any thread (the live view); single writer, so a
 * lazy set per event suffices and nothing locks.
 * <p>
 * Alerts counted here are what the run produced live; after a recovery they include outputs regenerated
 * since the checkpoint (at-least-once, like any callback). The output journal holds them exactly once.
 */
public final class FraudCounters implements SequencedSink<Alert>
{
    /** How many dead letters are kept in full. */
    public static final int KEPT_DEAD_LETTERS = 5;

    private static final int DUPLICATES = 0;
    private static final int LATE = 1;
    private static final int UNJUDGED = 2;
    private static final int DEAD = 3;
    private static final int ALERTS = DEAD + Malformed.values().length;

    private final AtomicLongArray counts = new AtomicLongArray(ALERTS + Rule.values().length);
    private final AtomicReferenceArray<String> firstDeadLetters = new AtomicReferenceArray<>(KEPT_DEAD_LETTERS);
    private int kept;

    void deadLetter(final DeadLetter letter, final long timestamp)
    {
        increment(DEAD + letter.reason().ordinal());
        if (kept < KEPT_DEAD_LETTERS)
        {
            firstDeadLetters.lazySet(kept++, letter.toString());   // a few, ever: no allocation in steady state
        }
    }

    void duplicate(final Rejected<?> rejected, final long timestamp)
    {
        increment(DUPLICATES);
    }

    void late(final Rejected<?> rejected, final long timestamp)
    {
        // each rule judges lateness by its own bound: the velocity windows allow 5 s past the watermark, the
        // geo-jump pattern none, so a payment is counted by each that refused it (not by the sum: one can be both)
        if ("velocity".equals(rejected.operatorName()))
        {
            increment(LATE);
        }
        else if ("geo-jump".equals(rejected.operatorName()))
        {
            increment(UNJUDGED);
        }
    }

    @Override
    public void onRecord(final Alert alert, final long timestamp, final long inputSequence, final int ordinal)
    {
        increment(ALERTS + alert.rule().ordinal());
    }

    private void increment(final int index)
    {
        counts.lazySet(index, counts.get(index) + 1);
    }

    /** @return retried payments dropped by the dedup. */
    public long duplicates()
    {
        return counts.get(DUPLICATES);
    }

    /** @return payments too late for their velocity window. */
    public long late()
    {
        return counts.get(LATE);
    }

    /**
     * @return payments the geo-jump pattern did not judge: behind the watermark on arrival (more than the
     *         500 ms out-of-orderness late); the pattern has no allowed lateness.
     */
    public long lateForGeoJump()
    {
        return counts.get(UNJUDGED);
    }

    /**
     * @param reason a fault.
     * @return dead letters for it.
     */
    public long deadLetters(final Malformed reason)
    {
        return counts.get(DEAD + reason.ordinal());
    }

    /** @return dead letters of every reason. */
    public long deadLetters()
    {
        long total = 0;
        for (final Malformed reason : Malformed.values())
        {
            total += deadLetters(reason);
        }
        return total;
    }

    /** @return the first {@value #KEPT_DEAD_LETTERS} dead letters, described. */
    public List<String> firstDeadLetters()
    {
        final List<String> letters = new ArrayList<>();
        for (int i = 0; i < KEPT_DEAD_LETTERS && null != firstDeadLetters.get(i); i++)
        {
            letters.add(firstDeadLetters.get(i));
        }
        return letters;
    }

    /**
     * @param rule a rule.
     * @return its alerts so far.
     */
    public long alerts(final Rule rule)
    {
        return counts.get(ALERTS + rule.ordinal());
    }

    /** @return alerts of every rule. */
    public long alerts()
    {
        long total = 0;
        for (final Rule rule : Rule.values())
        {
            total += alerts(rule);
        }
        return total;
    }
}
