package io.ringflow.perf.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One query's runs in {@link PeerNexmark}: whether every run of every engine, warm-up included, gave the same
 * {@link Fingerprint} (the first run's), and for the measured rounds each engine's millions of events per
 * CPU-second and, per peer, the ratio Ringflow / peer within each round (so that a load change between rounds
 * moves both sides of a ratio alike).
 * <p>
 * Threading: not thread-safe; the measuring thread only.
 */
final class RoundResults
{
    /** The name Ringflow's figures go by. */
    static final String RINGFLOW = "ringflow";

    private final PeerQuery query;
    private final List<String> peers;
    private final Map<String, List<Double>> rates = new LinkedHashMap<>();
    private final Map<String, List<Double>> ratios = new LinkedHashMap<>();
    private final Map<String, Boolean> agree = new LinkedHashMap<>();
    private Fingerprint expected;

    /**
     * @param query the query measured.
     * @param peers the peers' names.
     */
    RoundResults(final PeerQuery query, final List<String> peers)
    {
        this.query = query;
        this.peers = List.copyOf(peers);
        rates.put(RINGFLOW, new ArrayList<>());
        agree.put(RINGFLOW, true);
        for (final String peer : peers)
        {
            rates.put(peer, new ArrayList<>());
            ratios.put(peer, new ArrayList<>());
            agree.put(peer, true);
        }
    }

    /**
     * @param engine  {@link #RINGFLOW} or a peer.
     * @param results a run's results, warm-up or measured.
     * @return true if they are the same as the first run's.
     */
    boolean check(final String engine, final Fingerprint results)
    {
        if (expected == null)
        {
            expected = results;
        }
        final boolean equal = expected.equals(results);
        agree.merge(engine, equal, Boolean::logicalAnd);
        return equal;
    }

    /**
     * @param ringflowRate Ringflow's millions of events per CPU-second in this round.
     * @param peerRates    each peer's, by name.
     */
    void addRound(final double ringflowRate, final Map<String, Double> peerRates)
    {
        rates.get(RINGFLOW).add(ringflowRate);
        for (final String peer : peers)
        {
            final double rate = peerRates.get(peer);
            rates.get(peer).add(rate);
            ratios.get(peer).add(ringflowRate / rate);
        }
    }

    /** @return the query. */
    PeerQuery query()
    {
        return query;
    }

    /** @return the peers' names, in order. */
    List<String> peers()
    {
        return peers;
    }

    /** @return the first run's fingerprint, which every agreeing run has. */
    Fingerprint expected()
    {
        return expected;
    }

    /** @return true if every run of every engine gave the same results. */
    boolean equalWork()
    {
        return !agree.containsValue(false);
    }

    /**
     * @param engine {@link #RINGFLOW} or a peer.
     * @return true if each of its runs gave the first run's results.
     */
    boolean agrees(final String engine)
    {
        return agree.get(engine);
    }

    /**
     * @param engine {@link #RINGFLOW} or a peer.
     * @return its measured rates, M events per CPU-second, one per round.
     */
    List<Double> rates(final String engine)
    {
        return rates.get(engine);
    }

    /**
     * @param peer a peer.
     * @return Ringflow / peer, one per round.
     */
    List<Double> ratios(final String peer)
    {
        return ratios.get(peer);
    }

    /** @return one line per peer: medians, the ratio's median and each round's ratio, and the results' agreement. */
    List<String> summary()
    {
        final List<String> lines = new ArrayList<>();
        for (final String peer : peers)
        {
            lines.add(String.format(Locale.ROOT, "%s %-19s %-13s %8.2f  ringflow %8.2f  ratio %7.1f  (rounds %s)  %s",
                query, query.title(), peer, median(rates.get(peer)), median(rates.get(RINGFLOW)), median(ratios.get(peer)),
                list(ratios.get(peer)), agree.get(peer) && agree.get(RINGFLOW) ? "results equal: " + expected :
                "RESULTS DIFFER"));
        }
        return lines;
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
