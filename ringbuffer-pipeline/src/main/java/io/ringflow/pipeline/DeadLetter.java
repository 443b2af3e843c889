package io.ringflow.pipeline;

/**
 * A record a user function threw on, with where and why. One instance per stage, reused: copy what
 * you keep beyond {@link DeadLetterHandler#onDeadLetter}.
 */
public final class DeadLetter
{
    private String stage;
    private long sequence;
    private Object record;
    private long timestamp;
    private Throwable error;

    /**
     * Fill this letter; used by the runtime.
     *
     * @param stage     the stage whose chain threw.
     * @param sequence  ingress sequence of the input record that led to it.
     * @param record    the stage's input record, valid only during the handler call.
     * @param timestamp its event time.
     * @param error     what was thrown.
     * @return this.
     */
    public DeadLetter wrap(
        final String stage, final long sequence, final Object record, final long timestamp, final Throwable error)
    {
        this.stage = stage;
        this.sequence = sequence;
        this.record = record;
        this.timestamp = timestamp;
        this.error = error;
        return this;
    }

    /** @return the stage whose chain threw. */
    public String stage()
    {
        return stage;
    }

    /** @return ingress sequence of the input record that led to the failing record. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the stage's input record; valid only during the handler call. */
    public Object record()
    {
        return record;
    }

    /** @return the record's event time. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return what the user function threw. */
    public Throwable error()
    {
        return error;
    }

    @Override
    public String toString()
    {
        return "dead letter from stage '" + stage + "' at sequence " + sequence + ": " + record + " (" + error + ")";
    }
}
