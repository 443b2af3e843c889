package io.ringflow.operators.cep;

import io.ringflow.operators.KeySelector;
import io.ringflow.operators.OneInputOperator;
import io.ringflow.operators.Output;
import io.ringflow.operators.RejectReason;
import io.ringflow.operators.Rejected;
import io.ringflow.operators.Timestamps;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;
import io.ringflow.operators.time.TimerQueue;

import java.util.List;
import java.util.Objects;

/**
 * Finds a {@link Pattern} in each key's records, in event time, and emits a {@link PatternMatch} per result.
 * <p>
 * <b>Order of evaluation.</b> A record is not evaluated when it arrives but when the watermark reaches its
 * timestamp: until then it is buffered off-heap (as its id and the stages it satisfies; predicates run on
 * arrival). On each watermark the operator evaluates, for every key, the buffered records at or below it in
 * timestamp order, records with equal key and timestamp in arrival order. So records that arrive out of order
 * but not late give exactly the results they would give in order, whatever the watermark cadence: results
 * come out in the order (timestamp, key), a record's results before the deadlines at its timestamp, and
 * within one record oldest partial match first. Only the arrival order of records with the same key and
 * timestamp matters.
 * <p>
 * <b>Late records.</b> A record whose timestamp is at or below the current watermark is late: it goes to
 * {@link Rejected#TAG} with {@link RejectReason#LATE} and is not evaluated. A record with a reserved timestamp
 * goes there with {@link RejectReason#INVALID_TIMESTAMP}. Records that satisfy no stage are counted
 * ({@link #ignoredRecords()}) and otherwise ignored.
 * <p>
 * <b>Matching</b> (skip-till-next-match). Every record that satisfies the first stage starts a partial match
 * of its own. A partial match takes, for each positive stage in turn, the first record after its previous
 * one (in evaluation order) that satisfies that stage; records between are skipped (relaxed contiguity, also
 * between the occurrences of {@code times(n)}). A record is offered to the key's existing partial matches
 * first, oldest first, and may advance several of them, then starts its own; one record never plays two
 * stages of one match. What a completed match does to the others is its pattern's {@link AfterMatchSkip}.
 * <p>
 * <b>Bounds</b>, with {@code T = within} and {@code first} the first record of a match:
 * <ul>
 *   <li>every positive record of a match has {@code first.ts <= ts <= first.ts + T} (both inclusive; records
 *   of equal timestamp count as following each other in arrival order);</li>
 *   <li>a {@code notFollowedBy} stage is broken by a record that satisfies it, comes after the last positive
 *   record, and has {@code ts <= first.ts + T} (inclusive); the match is emitted as {@link MatchKind#TIMED_OUT}
 *   when the watermark reaches {@code first.ts + T} (so a breaking record at exactly {@code first.ts + T}
 *   still counts, and one at {@code first.ts + T + 1} does not);</li>
 *   <li>a partial match still incomplete then is dropped ({@link #expiredPartialMatches()});</li>
 *   <li>{@code first.ts + T} is capped at {@code Long.MAX_VALUE - 1}, the largest valid timestamp (so a result
 *   never carries the end-of-stream value); no record can lie beyond it, so the bounds are unchanged.</li>
 * </ul>
 * <b>Output.</b> A MATCHED result is emitted when the watermark reaches its last record's timestamp, a TIMED_OUT
 * one when it reaches {@code first.ts + T}; each is emitted with that timestamp ({@link PatternMatch#endTimestamp()}),
 * which lies above the previous watermark and at or below the one being processed, so results are never late
 * downstream. Results precede the watermark that produced them.
 * <p>
 * <b>State</b>, all off-heap and snapshotted exactly, in {@code OffHeapHashStore} slots (an entry costs 1.4 to
 * 2.9 slots with the table's spare capacity): 48 bytes per (key, timestamp) with buffered records, holding the
 * first, and 48 per further record there; 40 per key with partial matches; {@code 48 + 16 * events} per partial match; and one timer per
 * buffered (key, timestamp) and per started partial match. With {@link AfterMatchSkip#NO_SKIP} a key holds one
 * partial match per first-stage record of the last {@code T} ticks, so mind {@code within} against the first
 * stage's rate. No allocation per record or result in steady state.
 * <p>
 * Threading: the runtime contract of {@code io.ringflow.operators}: one thread at a time.
 *
 * @param <T> input record type.
 */
public final class PatternOperator<T> implements OneInputOperator<T, PatternMatch>
{
    /** Timer namespaces; release sorts first, so records at a deadline's timestamp are evaluated before it. */
    static final long RELEASE = 0;
    static final long DEADLINE = 1;

    private final String name;
    private final KeySelector<T> keySelector;
    private final IdSelector<T> idSelector;
    private final Pattern<T> pattern;
    private final PendingEvents pending;
    private final TimerQueue timers;
    private final PartialMatches matches;
    private final Rejected<T> rejected = new Rejected<>();

    private Output<PatternMatch> output;
    private long watermark = Timestamps.MIN_WATERMARK;
    private long lateRecords;
    private long invalidRecords;
    private long ignoredRecords;

    /**
     * @param name         names the operator in errors, snapshots and {@code describeKey}.
     * @param keySelector  the key whose records are matched together (a card, an account).
     * @param idSelector   the id each matched record is reported by.
     * @param pattern      what to find.
     * @param expectedKeys keys with buffered records or partial matches at once, to presize state.
     */
    public PatternOperator(
        final String name,
        final KeySelector<T> keySelector,
        final IdSelector<T> idSelector,
        final Pattern<T> pattern,
        final int expectedKeys)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.keySelector = Objects.requireNonNull(keySelector, "keySelector");
        this.idSelector = Objects.requireNonNull(idSelector, "idSelector");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (expectedKeys <= 0)
        {
            throw new IllegalArgumentException("pattern operator '" + name + "': expected keys must be > 0, was " + expectedKeys);
        }
        this.pending = new PendingEvents(name, expectedKeys);
        // Append-only: both kinds of timer are checked against state when they fire, so the liveness set is not needed.
        this.timers = TimerQueue.appendOnly(name + ".timers", expectedKeys);
        this.matches = new PartialMatches(name, pattern, timers, DEADLINE, expectedKeys);
    }

    @Override
    public void open(final Output<PatternMatch> output)
    {
        if (this.output != null)
        {
            throw new IllegalStateException("pattern operator '" + name + "' is already open");
        }
        this.output = output;
        matches.open(output);
    }

    @Override
    public void processRecord(final T record, final long timestamp)
    {
        if (!Timestamps.isValidEventTime(timestamp))
        {
            invalidRecords++;
            reject(record, timestamp, RejectReason.INVALID_TIMESTAMP);
            return;
        }
        if (timestamp <= watermark)
        {
            lateRecords++;
            reject(record, timestamp, RejectReason.LATE);
            return;
        }
        final long mask = pattern.stageMask(record);
        if (0 == mask)
        {
            ignoredRecords++;
            return;
        }
        final long key = keySelector.key(record);
        if (pending.add(key, timestamp, idSelector.id(record), mask))
        {
            timers.register(timestamp, key, RELEASE);
        }
    }

    @Override
    public void processWatermark(final long watermark)
    {
        if (watermark <= this.watermark)
        {
            return;
        }
        this.watermark = watermark;
        while (timers.poll(watermark))
        {
            final long key = timers.key();
            final long timestamp = timers.timestamp();
            if (RELEASE == timers.namespace())
            {
                release(key, timestamp);
            }
            else
            {
                matches.onDeadline(key, timestamp);
            }
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdle()
    {
        output.emitIdle();
    }

    /** @return the pattern matched. */
    public Pattern<T> pattern()
    {
        return pattern;
    }

    /** @return the last watermark processed. */
    public long watermark()
    {
        return watermark;
    }

    /** @return records buffered until the watermark reaches them. */
    public int bufferedRecords()
    {
        return pending.size();
    }

    /** @return partial matches held now, over all keys. */
    public int partialMatches()
    {
        return matches.size();
    }

    /** @return MATCHED results emitted so far. */
    public long matched()
    {
        return matches.matched();
    }

    /** @return TIMED_OUT results emitted so far. */
    public long timedOut()
    {
        return matches.timedOut();
    }

    /** @return partial matches dropped incomplete at their deadline so far. */
    public long expiredPartialMatches()
    {
        return matches.expired();
    }

    /** @return partial matches broken by a {@code notFollowedBy} record so far. */
    public long cancelledPartialMatches()
    {
        return matches.cancelled();
    }

    /** @return partial matches discarded by {@link AfterMatchSkip#SKIP_PAST_LAST_EVENT} so far. */
    public long discardedPartialMatches()
    {
        return matches.discarded();
    }

    /** @return records rejected as late so far. */
    public long lateRecords()
    {
        return lateRecords;
    }

    /** @return records rejected for a reserved timestamp so far. */
    public long invalidRecords()
    {
        return invalidRecords;
    }

    /** @return records that satisfied no stage so far. */
    public long ignoredRecords()
    {
        return ignoredRecords;
    }

    /** @return off-heap bytes held (buffered records, partial matches, timers). */
    public long memoryBytes()
    {
        return pending.memoryBytes() + matches.memoryBytes() + timers.memoryBytes();
    }

    /**
     * Lists the key's buffered records (release order) and partial matches (oldest first).
     */
    @Override
    public void describeKey(final long key, final List<String> lines)
    {
        final String prefix = "pattern '" + name + "' (" + pattern.name() + "): key " + key + " ";
        for (final long[] record : pending.describe(key))
        {
            lines.add(prefix + "buffered record id=" + record[2] + " ts=" + record[0] + " satisfies " +
                pattern.stageNames(record[3]) + ", evaluated when the watermark reaches " + record[0] + " (watermark " +
                watermark + ")");
        }
        matches.describe(key, prefix, lines);
    }

    @Override
    public String snapshotType()
    {
        return "pattern";
    }

    @Override
    public int snapshotVersion()
    {
        return 1;
    }

    @Override
    public void snapshotState(final SnapshotWriter out)
    {
        out.putString(pattern.describe());
        out.putLong(watermark).putLong(lateRecords).putLong(invalidRecords).putLong(ignoredRecords);
        pending.snapshot(out);
        matches.snapshot(out);
        timers.snapshot(out);
    }

    @Override
    public void restoreState(final SnapshotReader in, final int version)
    {
        final String stored = in.getString();
        if (!stored.equals(pattern.describe()))
        {
            throw in.corrupt("pattern operator '" + name + "' snapshot was taken with pattern " + stored +
                ", the operator is configured with " + pattern.describe());
        }
        watermark = in.getLong();
        lateRecords = in.getLong();
        invalidRecords = in.getLong();
        ignoredRecords = in.getLong();
        pending.restore(in);
        matches.restore(in);
        timers.restore(in);
    }

    @Override
    public void close()
    {
        pending.close();
        matches.close();
        timers.close();
    }

    private void release(final long key, final long timestamp)
    {
        final int count = pending.release(key, timestamp);
        for (int ordinal = 0; ordinal < count; ordinal++)
        {
            if (ordinal > 0)
            {
                pending.take(key, timestamp, ordinal);
            }
            matches.onEvent(key, timestamp, pending.id(), pending.mask());
        }
    }

    private void reject(final T record, final long timestamp, final RejectReason reason)
    {
        output.emitSide(Rejected.<T>tag(), rejected.set(name, record, timestamp, reason, watermark), timestamp);
    }
}
