package io.ringflow.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One JMH benchmark with one set of parameters, over every round of the suite that ran it.
 *
 * @param benchmark        {@code Class.method}, without the package.
 * @param params           its {@code @Param} values.
 * @param unit             the primary score's unit ({@code ops/s}: records or events per second here).
 * @param scoreByRound     primary score per round number.
 * @param allocationByRound {@code gc.alloc.rate.norm} (bytes per operation) per round, where {@code -prof gc} ran.
 */
record JmhResult(
    String benchmark,
    SortedMap<String, String> params,
    String unit,
    SortedMap<Integer, Double> scoreByRound,
    SortedMap<Integer, Double> allocationByRound)
{
    /** @return median primary score over the rounds. */
    double medianScore()
    {
        return Rounds.median(new ArrayList<>(scoreByRound.values()));
    }

    /** @return median bytes allocated per operation, or NaN where no round ran {@code -prof gc}. */
    double medianAllocation()
    {
        return allocationByRound.isEmpty() ? Double.NaN : Rounds.median(new ArrayList<>(allocationByRound.values()));
    }

    /**
     * @param wanted parameter values that must match (others are free).
     * @return whether this result has them.
     */
    boolean matches(final Map<String, String> wanted)
    {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }

    /**
     * Ringflow against a baseline, round by round: only rounds that ran both count.
     *
     * @param other the baseline's result.
     * @return median of this / other over the shared rounds, NaN if they share none.
     */
    double medianRatioTo(final JmhResult other)
    {
        final List<Double> mine = new ArrayList<>();
        final List<Double> theirs = new ArrayList<>();
        scoreByRound.forEach((round, score) ->
        {
            final Double otherScore = other.scoreByRound.get(round);
            if (otherScore != null)
            {
                mine.add(score);
                theirs.add(otherScore);
            }
        });
        return mine.isEmpty() ? Double.NaN : Rounds.medianRatio(mine, theirs);
    }
}
