package io.ringflow.pipeline.runtime;

/**
 * One ring slot: a pre-allocated record plus what travels in-band with it. Records, watermarks,
 * idleness and end-of-stream share the ring so that they stay in order.
 * <p>
 * A record slot may carry the watermark its producer emitted right after it ({@link #watermarkAfter}),
 * which halves ring traffic when every record advances event time.
 * <p>
 * Not padded: with one producer right behind one consumer, the consumer must fetch every line the
 * producer wrote anyway, and padding only multiplies the lines per event. Slot and record together are
 * about 90 bytes.
 *
 * @param <T> record type.
 */
final class RingEvent<T>
{
    static final int RECORD = 0;
    static final int WATERMARK = 1;
    static final int IDLE = 2;
    static final int END_OF_STREAM = 3;
    /** A claimed slot that carries nothing: a publish refused after close, or a translator that threw. */
    static final int SKIP = 4;

    static final long NO_WATERMARK = Long.MIN_VALUE;

    final T record;
    int kind;
    /** Event time of a record; the watermark of a WATERMARK event. */
    long timestamp;
    long watermarkAfter = NO_WATERMARK;
    /** Ingress sequence of the input record this event descends from. */
    long sequence;
    /** {@code System.nanoTime()} at ingress of that input record, for end-to-end latency. */
    long originNs;
    /** Which upstream producer (partition) published it, for watermark combining. */
    int producer;

    RingEvent(final T record)
    {
        this.record = record;
    }

    void setRecord(final long timestamp, final long sequence, final long originNs, final int producer)
    {
        this.kind = RECORD;
        this.timestamp = timestamp;
        this.watermarkAfter = NO_WATERMARK;
        this.sequence = sequence;
        this.originNs = originNs;
        this.producer = producer;
    }

    void setControl(
        final int kind, final long timestamp, final long sequence, final long originNs, final int producer)
    {
        this.kind = kind;
        this.timestamp = timestamp;
        this.watermarkAfter = NO_WATERMARK;
        this.sequence = sequence;
        this.originNs = originNs;
        this.producer = producer;
    }

    static String kindName(final int kind)
    {
        switch (kind)
        {
            case RECORD: return "record";
            case WATERMARK: return "watermark";
            case IDLE: return "idle";
            case END_OF_STREAM: return "end-of-stream";
            case SKIP: return "skip";
            default: return "unknown(" + kind + ")";
        }
    }

    @Override
    public String toString()
    {
        return kindName(kind) + " seq=" + sequence + " ts=" + timestamp + " producer=" + producer;
    }
}
