package io.ringflow.operators.cep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records a pattern's stages in order; {@link #within} turns them into an immutable {@link Pattern}. Start one
 * with {@link Patterns#begin} or {@link Patterns#times}.
 * <p>
 * A pattern is a sequence of positive stages, each taken one or more times ({@link #times}), optionally
 * ended by one negated stage ({@link #notFollowedBy}). It needs at least two records to match, or one and a
 * negated stage.
 * <p>
 * Threading: a builder is configuration, used on one thread at set-up; it may be extended after
 * {@code within}, which copies what it has recorded.
 *
 * @param <T> record type.
 */
public final class PatternBuilder<T>
{
    private final List<String> stageNames = new ArrayList<>();
    private final List<RecordPredicate<? super T>> predicates = new ArrayList<>();
    private final List<Integer> eventStages = new ArrayList<>();
    private int absenceStage = -1;
    private boolean lastStageRepeated;

    PatternBuilder(final String stage, final RecordPredicate<? super T> predicate)
    {
        addStage(stage, predicate);
        eventStages.add(0);
    }

    /**
     * Relaxed contiguity: the next stage's record must come after the previous stage's, in evaluation order,
     * with any records between them; the first record that satisfies it is taken.
     *
     * @param stage     names the stage in matches; unique within the pattern.
     * @param predicate what the record must satisfy.
     * @return this.
     */
    public PatternBuilder<T> followedBy(final String stage, final RecordPredicate<? super T> predicate)
    {
        requireOpen("followedBy");
        requireRoomFor(1);
        eventStages.add(addStage(stage, predicate));
        lastStageRepeated = false;
        return this;
    }

    /**
     * Repeat the last stage: it must occur {@code count} times in all, not necessarily consecutively (relaxed
     * contiguity: records in between that do not satisfy it are skipped). Each occurrence is one record of the
     * match, named by the stage.
     *
     * @param count occurrences of the last stage, {@code >= 1}.
     * @return this.
     */
    public PatternBuilder<T> times(final int count)
    {
        requireOpen("times");
        if (lastStageRepeated)
        {
            throw new IllegalStateException("stage '" + lastStageName() + "' already has a times()");
        }
        if (count < 1)
        {
            throw new IllegalArgumentException("times(" + count + ") of stage '" + lastStageName() + "': count must be >= 1");
        }
        requireRoomFor(count - 1);
        final Integer stage = eventStages.get(eventStages.size() - 1);
        for (int i = 1; i < count; i++)
        {
            eventStages.add(stage);
        }
        lastStageRepeated = true;
        return this;
    }

    /**
     * End the pattern with an absence: it holds when no record satisfying {@code predicate} comes after the
     * last positive record (in evaluation order) with a timestamp at or before {@code first.ts + within}. The
     * result is a {@link MatchKind#TIMED_OUT} match, emitted when the watermark reaches that bound.
     *
     * @param stage     names the negated stage (in {@code describeKey} and errors).
     * @param predicate what a record that breaks the pattern satisfies.
     * @return this; only {@link #within} may follow.
     */
    public PatternBuilder<T> notFollowedBy(final String stage, final RecordPredicate<? super T> predicate)
    {
        requireOpen("notFollowedBy");
        absenceStage = addStage(stage, predicate);
        return this;
    }

    /**
     * Bound the pattern in event time: every record of a match has a timestamp at most {@code within} after the
     * first one's ({@code ts - first.ts <= within}, inclusive), and a negated stage is watched up to and
     * including {@code first.ts + within}.
     *
     * @param within the bound in the stream's timestamp unit, {@code >= 0}.
     * @return the pattern, named after its stages (see {@link Pattern#named}), with {@link AfterMatchSkip#NO_SKIP}.
     */
    public Pattern<T> within(final long within)
    {
        if (within < 0)
        {
            throw new IllegalArgumentException("pattern " + stageNames + ": within must be >= 0, was " + within);
        }
        if (eventStages.size() < 2 && absenceStage < 0)
        {
            throw new IllegalStateException("pattern " + stageNames + " matches single records: add a followedBy, a times(n) " +
                "with n >= 2 or a notFollowedBy (a filter does the rest)");
        }
        final int[] events = new int[eventStages.size()];
        for (int i = 0; i < events.length; i++)
        {
            events[i] = eventStages.get(i);
        }
        return new Pattern<>(null, stageNames.toArray(new String[0]), predicates, events, absenceStage, within,
            AfterMatchSkip.NO_SKIP);
    }

    private int addStage(final String stage, final RecordPredicate<? super T> predicate)
    {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(predicate, "predicate");
        if (stage.isEmpty())
        {
            throw new IllegalArgumentException("a stage name must not be empty");
        }
        if (stageNames.contains(stage))
        {
            throw new IllegalArgumentException("pattern " + stageNames + " already has a stage named '" + stage +
                "'; use times(n) to repeat a stage");
        }
        if (stageNames.size() == Pattern.MAX_STAGES)
        {
            throw new IllegalArgumentException("a pattern has at most " + Pattern.MAX_STAGES + " stages");
        }
        stageNames.add(stage);
        predicates.add(predicate);
        return stageNames.size() - 1;
    }

    private void requireOpen(final String method)
    {
        if (absenceStage >= 0)
        {
            throw new IllegalStateException(method + "() after notFollowedBy('" + stageNames.get(absenceStage) +
                "'): a negated stage must end the pattern");
        }
    }

    private void requireRoomFor(final long moreEvents)
    {
        if (eventStages.size() + moreEvents > Pattern.MAX_EVENTS)
        {
            throw new IllegalArgumentException("pattern " + stageNames + ": a pattern matches at most " + Pattern.MAX_EVENTS +
                " records");
        }
    }

    private String lastStageName()
    {
        return stageNames.get(eventStages.get(eventStages.size() - 1));
    }
}
