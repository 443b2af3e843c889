package io.ringflow.perf.report;

import java.util.Arrays;
import java.util.List;

/** Medians, and the median of per-round ratios that every comparison in the report uses. */
final class Rounds
{
    private Rounds()
    {
    }

    /**
     * @param values values, at least one.
     * @return their median (the mean of the middle two for an even count).
     */
    static double median(final List<Double> values)
    {
        if (values.isEmpty())
        {
            throw new IllegalArgumentException("median of no values");
        }
        final double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Pair round i of one engine with round i of the other, which ran beside it, and take the median of
     * the ratios: a machine that slows down for a while then slows both sides of the rounds it touches.
     *
     * @param values      one engine's value per round.
     * @param otherValues the other's, as many.
     * @return median of values[i] / otherValues[i].
     */
    static double medianRatio(final List<Double> values, final List<Double> otherValues)
    {
        if (values.size() != otherValues.size())
        {
            throw new IllegalArgumentException("rounds differ: " + values.size() + " against " + otherValues.size());
        }
        final Double[] ratios = new Double[values.size()];
        for (int i = 0; i < ratios.length; i++)
        {
            ratios[i] = values.get(i) / otherValues.get(i);
        }
        return median(Arrays.asList(ratios));
    }
}
