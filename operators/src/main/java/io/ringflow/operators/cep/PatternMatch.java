package io.ringflow.operators.cep;

import java.util.Arrays;
import java.util.Objects;

/**
 * One result of a {@link PatternOperator}: the key, the pattern, the kind, the time span, and for each positive
 * record of the match its stage, event timestamp and id (from the operator's {@link IdSelector}).
 * <p>
 * The operator owns one instance and refills it for every result: it is valid only during the
 * {@code emit} call. A consumer that keeps it calls {@link #copy()}.
 * <p>
 * Times: {@link #startTimestamp()} is the first record's timestamp; {@link #endTimestamp()} is the last
 * record's for {@link MatchKind#MATCHED} and {@code first.ts + within} (the moment the absence was
 * established) for {@link MatchKind#TIMED_OUT}. The operator emits the result with {@code endTimestamp} as its
 * event time. Threading: single-threaded, like the operator that fills it.
 */
public final class PatternMatch
{
    private final String[] stages;
    private final long[] timestamps;
    private final long[] ids;
    private String patternName;
    private long key;
    private MatchKind kind;
    private long endTimestamp;
    private int events;

    /**
     * @param capacity most records per match: {@link Pattern#events()}.
     */
    public PatternMatch(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        stages = new String[capacity];
        timestamps = new long[capacity];
        ids = new long[capacity];
    }

    /** @return the pattern's name ({@link Pattern#name()}). */
    public String patternName()
    {
        return patternName;
    }

    /** @return the key all records of the match share. */
    public long key()
    {
        return key;
    }

    /** @return matched, or held by timing out (patterns ending in {@code notFollowedBy}). */
    public MatchKind kind()
    {
        return kind;
    }

    /** @return the first record's event timestamp. */
    public long startTimestamp()
    {
        return timestamps[0];
    }

    /** @return the last record's timestamp (MATCHED) or {@code first.ts + within} (TIMED_OUT); inclusive. */
    public long endTimestamp()
    {
        return endTimestamp;
    }

    /** @return positive records in the match. */
    public int events()
    {
        return events;
    }

    /**
     * @param index 0 to {@link #events()} - 1, in match order.
     * @return the stage that record played.
     */
    public String stage(final int index)
    {
        checkIndex(index);
        return stages[index];
    }

    /**
     * @param index 0 to {@link #events()} - 1, in match order.
     * @return that record's event timestamp.
     */
    public long timestamp(final int index)
    {
        checkIndex(index);
        return timestamps[index];
    }

    /**
     * @param index 0 to {@link #events()} - 1, in match order.
     * @return that record's id, as the operator's {@link IdSelector} gave it.
     */
    public long id(final int index)
    {
        checkIndex(index);
        return ids[index];
    }

    /**
     * Overwrite this match with another's, allocating nothing: how a match is handed through a ring slot.
     *
     * @param other the match to copy.
     * @return this.
     * @throws IllegalArgumentException if {@code other} holds more records than this one can.
     */
    public PatternMatch copyFrom(final PatternMatch other)
    {
        if (other.events > stages.length)
        {
            throw new IllegalArgumentException("a match of " + other.events + " records does not fit capacity " +
                stages.length);
        }
        start(other.patternName, other.key, other.kind);
        for (int i = 0; i < other.events; i++)
        {
            add(other.stages[i], other.timestamps[i], other.ids[i]);
        }
        endTimestamp = other.endTimestamp;
        return this;
    }

    /** @return an independent copy that stays valid; allocates, so keep it off the per-record path. */
    public PatternMatch copy()
    {
        final PatternMatch copy = new PatternMatch(stages.length);
        copy.start(patternName, key, kind);
        for (int i = 0; i < events; i++)
        {
            copy.add(stages[i], timestamps[i], ids[i]);
        }
        copy.endTimestamp = endTimestamp;
        return copy;
    }

    PatternMatch start(final String patternName, final long key, final MatchKind kind)
    {
        this.patternName = patternName;
        this.key = key;
        this.kind = kind;
        this.events = 0;
        return this;
    }

    void add(final String stage, final long timestamp, final long id)
    {
        stages[events] = stage;
        timestamps[events] = timestamp;
        ids[events] = id;
        events++;
    }

    void endTimestamp(final long endTimestamp)
    {
        this.endTimestamp = endTimestamp;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof PatternMatch))
        {
            return false;
        }
        final PatternMatch that = (PatternMatch)o;
        return key == that.key && kind == that.kind && endTimestamp == that.endTimestamp && events == that.events &&
            Objects.equals(patternName, that.patternName) &&
            Arrays.equals(stages, 0, events, that.stages, 0, events) &&
            Arrays.equals(timestamps, 0, events, that.timestamps, 0, events) &&
            Arrays.equals(ids, 0, events, that.ids, 0, events);
    }

    @Override
    public int hashCode()
    {
        int hash = Objects.hash(patternName, kind) * 31 + Long.hashCode(key);
        hash = hash * 31 + Long.hashCode(endTimestamp);
        for (int i = 0; i < events; i++)
        {
            hash = hash * 31 + Long.hashCode(ids[i]) + 7 * Long.hashCode(timestamps[i]);
        }
        return hash;
    }

    /** @return {@code large->transfer MATCHED key=7 [large(ts=100, id=1), transfer(ts=130, id=2)] end=130}. */
    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder()
            .append(patternName).append(' ').append(kind).append(" key=").append(key).append(" [");
        for (int i = 0; i < events; i++)
        {
            text.append(i > 0 ? ", " : "").append(stages[i]).append("(ts=").append(timestamps[i]).append(", id=")
                .append(ids[i]).append(')');
        }
        return text.append("] end=").append(endTimestamp).toString();
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= events)
        {
            throw new IndexOutOfBoundsException("record " + index + " of a match of " + events);
        }
    }
}
