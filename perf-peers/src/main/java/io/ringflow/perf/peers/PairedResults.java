package io.ringflow.perf.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One query's runs in {@link FlinkNexmark}: whether every run, warm-up included, gave the same
 * {@link Fingerprint}, and for the measured pairs each engine's millions of events per CPU-second and the ratio
 * Ringflow / Flink within the pair (so that a load change between pairs moves both sides of a ratio alike).
 * <p>
 * Threading: not thread-safe; the measuring thread only.
 */
final class PairedResults
{
    private final PeerQuery query;
    private final List<Double> flink = new ArrayList<>();
    private final List<Double> ringflow = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private Fingerprint expected;
    private boolean equalWork = true;

    /** @param query the query measured. */
    PairedResults(final PeerQuery query)
    {
        this.query = query;
    }

    /**
     * @param results a run's results, warm-up or measured, either engine.
     * @return true if they are the same as every earlier run's.
     */
    boolean check(final Fingerprint results)
    {
        if (expected == null)
        {
            expected = results;
        }
        equalWork &= expected.equals(results);
        return expected.equals(results);
    }

    /**
     * @param flinkRate    Flink's millions of events per CPU-second in this pair.
     * @param ringflowRate Ringflow's.
     */
    void addPair(final double flinkRate, final double ringflowRate)
    {
        flink.add(flinkRate);
        ringflow.add(ringflowRate);
        ratios.add(ringflowRate / flinkRate);
    }

    /** @return true if every run gave the same results. */
    boolean equalWork()
    {
        return equalWork;
    }

    /** @return one line: medians, the ratio's median and each pair's ratio, and the results' fingerprint. */
    String summary()
    {
        return String.format(Locale.ROOT, "%s %-19s flink %8.2f  ringflow %8.2f  ratio %7.1f  (pairs %s)  %s",
            query, query.title(), median(flink), median(ringflow), median(ratios), list(ratios),
            equalWork ? "results equal: " + expected : "RESULTS DIFFER");
    }

    private static String list(final List<Double> values)
    {
        final StringBuilder text = new StringBuilder();
        for (final double value : values)
        {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", value));
        }
        return text.toString();
    }

    static double median(final List<Double> values)
    {
        final double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
