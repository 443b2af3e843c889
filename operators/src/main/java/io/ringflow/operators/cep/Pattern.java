package io.ringflow.operators.cep;

import java.util.List;
import java.util.Objects;

/**
 * An immutable sequence pattern over one key's records, compiled for {@link PatternOperator}: a list of
 * positive stages (each possibly repeated), an optional negated last stage, an event-time bound and an
 * {@link AfterMatchSkip}. Build one with {@link Patterns}; the semantics are documented on
 * {@link PatternOperator}.
 * <p>
 * Compiled form: the distinct stages are numbered in declaration order and a record is reduced, when it
 * arrives, to a bit mask of the stages it satisfies; a match is the list of positive records
 * ({@link #events()} of them, the i-th one playing stage {@link #eventStage(int)}), so a partial match is
 * just "how many records taken so far" plus their timestamps and ids.
 * <p>
 * Threading: immutable, may be shared; its predicates are called on the operator's thread.
 *
 * @param <T> record type.
 */
public final class Pattern<T>
{
    /** Stages of one pattern, negated one included: one bit each in a {@code long} mask. */
    public static final int MAX_STAGES = 64;
    /** Positive records in one match: bounds a partial match's fixed-size off-heap slot. */
    public static final int MAX_EVENTS = 64;

    private final String name;
    private final String[] stageNames;
    private final RecordPredicate<? super T>[] predicates;
    private final int[] eventStages;
    private final int absenceStage;
    private final long within;
    private final AfterMatchSkip afterMatchSkip;

    @SuppressWarnings("unchecked")
    Pattern(
        final String name,
        final String[] stageNames,
        final List<RecordPredicate<? super T>> predicates,
        final int[] eventStages,
        final int absenceStage,
        final long within,
        final AfterMatchSkip afterMatchSkip)
    {
        this.stageNames = stageNames;
        this.predicates = (RecordPredicate<? super T>[])predicates.toArray(new RecordPredicate<?>[0]);
        this.eventStages = eventStages;
        this.absenceStage = absenceStage;
        this.within = within;
        this.afterMatchSkip = afterMatchSkip;
        this.name = null == name ? defaultName() : name;
    }

    private Pattern(final Pattern<T> from, final String name, final AfterMatchSkip afterMatchSkip)
    {
        this.stageNames = from.stageNames;
        this.predicates = from.predicates;
        this.eventStages = from.eventStages;
        this.absenceStage = from.absenceStage;
        this.within = from.within;
        this.name = name;
        this.afterMatchSkip = afterMatchSkip;
    }

    /**
     * @param name what matches report as their pattern name; non-empty.
     * @return this pattern under that name.
     */
    public Pattern<T> named(final String name)
    {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("a pattern name must not be empty");
        }
        return new Pattern<>(this, name, afterMatchSkip);
    }

    /**
     * @param afterMatchSkip what an emitted match does to the key's other partial matches.
     * @return this pattern with that policy.
     */
    public Pattern<T> afterMatch(final AfterMatchSkip afterMatchSkip)
    {
        return new Pattern<>(this, name, Objects.requireNonNull(afterMatchSkip, "afterMatchSkip"));
    }

    /** @return the name matches carry: given with {@link #named}, else built from the stages ({@code large->transfer}). */
    public String name()
    {
        return name;
    }

    /** @return the event-time bound: a match's records lie in {@code [first.ts, first.ts + within]}. */
    public long within()
    {
        return within;
    }

    /** @return the consumption policy. */
    public AfterMatchSkip afterMatchSkip()
    {
        return afterMatchSkip;
    }

    /** @return positive records in every match (and the capacity a {@link PatternMatch} needs). */
    public int events()
    {
        return eventStages.length;
    }

    /**
     * @param index 0 to {@link #events()} - 1.
     * @return the name of the stage the {@code index}-th record of a match plays.
     */
    public String eventStage(final int index)
    {
        return stageNames[eventStages[index]];
    }

    /** @return the negated stage's name, or null when the pattern does not end with {@code notFollowedBy}. */
    public String absenceStage()
    {
        return absenceStage < 0 ? null : stageNames[absenceStage];
    }

    /** @return whether the pattern ends with {@code notFollowedBy}: its results are {@link MatchKind#TIMED_OUT}. */
    public boolean endsWithAbsence()
    {
        return absenceStage >= 0;
    }

    /** @return distinct stages, the negated one included. */
    public int stages()
    {
        return stageNames.length;
    }

    /**
     * @param stage 0 to {@link #stages()} - 1, in declaration order.
     * @return its name.
     */
    public String stageName(final int stage)
    {
        return stageNames[stage];
    }

    /**
     * @return stages, repetitions, negation, bound and policy: what a snapshot must agree with to be restored
     *         (predicates are code, so only their stage names are compared).
     */
    public String describe()
    {
        return name + " = " + structure() + " within " + within + " " + afterMatchSkip;
    }

    @Override
    public String toString()
    {
        return "Pattern(" + describe() + ")";
    }

    /**
     * @param record a record.
     * @return bit {@code i} set for every stage {@code i} it satisfies.
     */
    long stageMask(final T record)
    {
        final RecordPredicate<? super T>[] predicates = this.predicates;
        long mask = 0;
        for (int i = 0; i < predicates.length; i++)
        {
            if (predicates[i].test(record))
            {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /**
     * @param index a record's position in a match.
     * @return the bit of the stage it plays.
     */
    long eventStageBit(final int index)
    {
        return 1L << eventStages[index];
    }

    /** @return the negated stage's bit, 0 when there is none. */
    long absenceBit()
    {
        return absenceStage < 0 ? 0L : 1L << absenceStage;
    }

    /**
     * @param mask a stage mask.
     * @return the names of its stages, for debugging.
     */
    String stageNames(final long mask)
    {
        final StringBuilder names = new StringBuilder("[");
        for (int i = 0; i < stageNames.length; i++)
        {
            if ((mask & (1L << i)) != 0)
            {
                names.append(names.length() > 1 ? ", " : "").append(stageNames[i]);
            }
        }
        return names.append(']').toString();
    }

    private String structure()
    {
        final StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < eventStages.length)
        {
            int run = 1;
            while (i + run < eventStages.length && eventStages[i + run] == eventStages[i])
            {
                run++;
            }
            text.append(i > 0 ? "->" : "").append(stageNames[eventStages[i]]);
            if (run > 1)
            {
                text.append('{').append(run).append('}');
            }
            i += run;
        }
        if (absenceStage >= 0)
        {
            text.append("->!").append(stageNames[absenceStage]);
        }
        return text.toString();
    }

    private String defaultName()
    {
        return structure();
    }
}
