package io.ringflow.operators.table;

import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

/**
 * What a {@link TableJoinOperator} did with its inputs so far; restored with its snapshots.
 * <p>
 * Threading: written by the operator's thread; read it from there too (between records).
 */
public final class TableJoinCounters
{
    long matched;
    long missed;
    long evictedMisses;
    long held;
    long lateRecords;
    long invalidTimestampRecords;
    long changelogRecords;
    long lateChangelogRecords;

    /** @return stream records joined with a table value. */
    public long matched()
    {
        return matched;
    }

    /** @return stream records with no table value (none, or a delete in force), whatever the miss policy did. */
    public long missed()
    {
        return missed;
    }

    /** @return stream records whose version was evicted by the history bound (not counted in {@link #missed()}). */
    public long evictedMisses()
    {
        return evictedMisses;
    }

    /** @return stream records held until the watermark, ever. */
    public long held()
    {
        return held;
    }

    /** @return records of either input rejected as late (at or below {@code watermark - retention}, temporal mode). */
    public long lateRecords()
    {
        return lateRecords;
    }

    /** @return records of either input rejected for a reserved timestamp. */
    public long invalidTimestampRecords()
    {
        return invalidTimestampRecords;
    }

    /** @return changelog records applied, bootstrap included. */
    public long changelogRecords()
    {
        return changelogRecords;
    }

    /** @return changelog records applied although at or below the watermark, within retention (temporal mode). */
    public long lateChangelogRecords()
    {
        return lateChangelogRecords;
    }

    void snapshot(final SnapshotWriter out)
    {
        out.putLong(matched).putLong(missed).putLong(evictedMisses).putLong(held).putLong(lateRecords)
            .putLong(invalidTimestampRecords).putLong(changelogRecords).putLong(lateChangelogRecords);
    }

    void restore(final SnapshotReader in)
    {
        matched = in.getLong();
        missed = in.getLong();
        evictedMisses = in.getLong();
        held = in.getLong();
        lateRecords = in.getLong();
        invalidTimestampRecords = in.getLong();
        changelogRecords = in.getLong();
        lateChangelogRecords = in.getLong();
    }

    @Override
    public String toString()
    {
        return "TableJoinCounters{matched=" + matched + ", missed=" + missed + ", evictedMisses=" + evictedMisses +
            ", held=" + held + ", late=" + lateRecords + ", invalidTimestamps=" + invalidTimestampRecords +
            ", changelog=" + changelogRecords + ", lateChangelog=" + lateChangelogRecords + "}";
    }
}
