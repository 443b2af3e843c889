package io.ringflow.operators.testing;

import io.ringflow.operators.RejectReason;

import java.util.Objects;

/**
 * An immutable copy of a {@link io.ringflow.operators.Rejected} side-output record.
 *
 * @param <T> record type.
 */
public final class RejectedRecord<T>
{
    private final T record;
    private final long timestamp;
    private final RejectReason reason;
    private final long watermark;
    private final String operatorName;

    RejectedRecord(final T record, final long timestamp, final RejectReason reason, final long watermark, final String operatorName)
    {
        this.record = record;
        this.timestamp = timestamp;
        this.reason = reason;
        this.watermark = watermark;
        this.operatorName = operatorName;
    }

    /** @return the record. */
    public T record()
    {
        return record;
    }

    /** @return its timestamp. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return why it was rejected. */
    public RejectReason reason()
    {
        return reason;
    }

    /** @return the rejecting operator's watermark. */
    public long watermark()
    {
        return watermark;
    }

    /** @return the rejecting operator. */
    public String operatorName()
    {
        return operatorName;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof RejectedRecord))
        {
            return false;
        }
        final RejectedRecord<?> that = (RejectedRecord<?>)o;
        return timestamp == that.timestamp && watermark == that.watermark && reason == that.reason &&
            Objects.equals(record, that.record) && Objects.equals(operatorName, that.operatorName);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(record, timestamp, reason, watermark, operatorName);
    }

    @Override
    public String toString()
    {
        return reason + "(" + record + "@" + timestamp + ", watermark " + watermark + ", by '" + operatorName + "')";
    }
}
