package io.ringflow.operators.window;

import io.ringflow.operators.RejectReason;
import io.ringflow.operators.snapshot.SnapshotReader;
import io.ringflow.operators.snapshot.SnapshotWriter;

/**
 * What a window operator has rejected and fired. Plain fields written by the operator's thread; the
 * runtime copies them into its shared counters.
 */
public final class WindowCounters
{
    long lateRecords;
    long invalidTimestampRecords;
    long outOfRangeRecords;
    long earlyFirings;
    long onTimeFirings;
    long lateFirings;
    long sessionMerges;

    /** @return records rejected because all their windows were past allowed lateness. */
    public long lateRecords()
    {
        return lateRecords;
    }

    /** @return records rejected for a reserved timestamp. */
    public long invalidTimestampRecords()
    {
        return invalidTimestampRecords;
    }

    /** @return records rejected because their window would overflow the timestamp range. */
    public long outOfRangeRecords()
    {
        return outOfRangeRecords;
    }

    /** @return firings before the watermark reached the window's end. */
    public long earlyFirings()
    {
        return earlyFirings;
    }

    /** @return regular firings. */
    public long onTimeFirings()
    {
        return onTimeFirings;
    }

    /** @return re-firings caused by late records. */
    public long lateFirings()
    {
        return lateFirings;
    }

    /** @return session merges. */
    public long sessionMerges()
    {
        return sessionMerges;
    }

    void countRejection(final RejectReason reason)
    {
        switch (reason)
        {
            case LATE:
                lateRecords++;
                break;
            case INVALID_TIMESTAMP:
                invalidTimestampRecords++;
                break;
            default:
                outOfRangeRecords++;
                break;
        }
    }

    void countFiring(final FiringKind kind)
    {
        switch (kind)
        {
            case EARLY:
                earlyFirings++;
                break;
            case ON_TIME:
                onTimeFirings++;
                break;
            default:
                lateFirings++;
                break;
        }
    }

    void snapshot(final SnapshotWriter out)
    {
        out.putLong(lateRecords).putLong(invalidTimestampRecords).putLong(outOfRangeRecords)
            .putLong(earlyFirings).putLong(onTimeFirings).putLong(lateFirings).putLong(sessionMerges);
    }

    void restore(final SnapshotReader in)
    {
        lateRecords = in.getLong();
        invalidTimestampRecords = in.getLong();
        outOfRangeRecords = in.getLong();
        earlyFirings = in.getLong();
        onTimeFirings = in.getLong();
        lateFirings = in.getLong();
        sessionMerges = in.getLong();
    }

    @Override
    public String toString()
    {
        return "WindowCounters{late=" + lateRecords + ", invalidTimestamp=" + invalidTimestampRecords +
            ", outOfRange=" + outOfRangeRecords + ", early=" + earlyFirings + ", onTime=" + onTimeFirings +
            ", lateFirings=" + lateFirings + ", merges=" + sessionMerges + '}';
    }
}
