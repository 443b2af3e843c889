package io.ringflow.pipeline.runtime;

/**
 * One ring slot: a pre-allocated record plus what travels in-band with it. Records, watermarks,
 * idleness and end-of-stream share the ring so that they stay in order.
 * <p>
 * A record slot may carry the watermark its producer emitted right after it ({@link #watermarkAfter}),
 * which halves ring traffic when every record advances event time.
 * <p>
 * The fields live in {@link RingEventFields} and this class only pads them: subclass fields are laid
 * out after superclass fields, and the record is allocated just before its envelope, so the padding
 * keeps a producer writing slot {@code n} off the cache lines of the consumer reading slot {@code n - 1}.
 *
 * @param <T> record type.
 */
final class RingEvent<T> extends RingEventFields<T>
{
    long p01, p02, p03, p04, p05, p06, p07, p08;

    RingEvent(final T record)
    {
        super(record);
    }
}

/**
 * The envelope's fields, padded by {@link RingEvent}.
 *
 * @param <T> record type.
 */
abstract class RingEventFields<T>
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

    RingEventFields(final T record)
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
