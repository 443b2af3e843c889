package io.ringflow.operators;

/**
 * A record an operator did not process, with the reason: late records, duplicates, invalid
 * timestamps. Emitted on {@link #TAG} so that nothing is dropped silently.
 * <p>
 * The operator owns one instance and reuses it for every rejection; a consumer that keeps it must
 * copy it (and the record it refers to) before returning.
 *
 * @param <T> the rejected record's type.
 */
public final class Rejected<T>
{
    /** The side output every operator sends its rejections to. */
    public static final OutputTag<Rejected<?>> TAG = new OutputTag<>("rejected");

    private T record;
    private long timestamp;
    private RejectReason reason;
    private long watermark;
    private String operatorName;

    /**
     * The tag typed for a given record type: same name, so it equals {@link #TAG}.
     *
     * @param <T> the record type.
     * @return the rejected side-output tag.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> OutputTag<Rejected<T>> tag()
    {
        return (OutputTag)TAG;
    }

    /**
     * Fill this instance in place; used by the rejecting operator.
     *
     * @param operatorName which operator rejected it.
     * @param record       the record, by reference.
     * @param timestamp    the record's event time.
     * @param reason       why.
     * @param watermark    the operator's watermark when it rejected the record.
     * @return this.
     */
    public Rejected<T> set(
        final String operatorName, final T record, final long timestamp, final RejectReason reason, final long watermark)
    {
        this.operatorName = operatorName;
        this.record = record;
        this.timestamp = timestamp;
        this.reason = reason;
        this.watermark = watermark;
        return this;
    }

    /** @return the rejected record, valid only during the side-output call. */
    public T record()
    {
        return record;
    }

    /** @return its event time. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return why it was rejected. */
    public RejectReason reason()
    {
        return reason;
    }

    /** @return the rejecting operator's watermark at the time. */
    public long watermark()
    {
        return watermark;
    }

    /** @return the rejecting operator's name. */
    public String operatorName()
    {
        return operatorName;
    }

    @Override
    public String toString()
    {
        return "Rejected{" + reason + " by '" + operatorName + "', ts=" + timestamp + ", watermark=" + watermark +
            ", record=" + record + '}';
    }
}
