package io.ringflow.perf.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What one suite run left in {@code <results>/raw/}:
 * <pre>
 *   raw/suite.properties           mode, rounds, start time, machine, JVM, the commands run
 *   raw/jmh/round-N.json           JMH results of round N (-rf json)
 *   raw/latency/round-N/*.hlog     the latency harness's interval logs of round N
 *   raw/peers.json                 the peer harness's figures (optional)
 * </pre>
 * A part the suite did not run is simply absent, and its section of the report says so.
 *
 * @param directory the results directory ({@code perf/results/<date>}).
 * @param suite     the run's description.
 * @param jmh       JMH results, every round.
 * @param latency   latency runs, every round.
 * @param peers     peer figures, or none.
 */
record SuiteInputs(Path directory, Properties suite, JmhResults jmh, List<LatencyRun> latency, PeerResults peers)
{
    /**
     * @param directory a results directory.
     * @return its raw results.
     */
    static SuiteInputs read(final Path directory)
    {
        final Path raw = directory.resolve("raw");
        final Properties suite = new Properties();
        final Path description = raw.resolve("suite.properties");
        if (Files.exists(description))
        {
            try (Reader reader = Files.newBufferedReader(description))
            {
                suite.load(reader);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + description + ": " + ex.getMessage(), ex);
            }
        }
        final Path peers = raw.resolve("peers.json");
        return new SuiteInputs(directory, suite,
            JmhResults.read(rounds(raw.resolve("jmh"), "round-", ".json")),
            LatencyLogs.read(rounds(raw.resolve("latency"), "round-", "")),
            Files.exists(peers) ? PeerResults.read(peers) : PeerResults.none());
    }

    /** {@code round-1<suffix>}, {@code round-2<suffix>}, ... while they exist. */
    private static List<Path> rounds(final Path directory, final String prefix, final String suffix)
    {
        final List<Path> rounds = new ArrayList<>();
        for (int round = 1; Files.exists(directory.resolve(prefix + round + suffix)); round++)
        {
            rounds.add(directory.resolve(prefix + round + suffix));
        }
        return rounds;
    }

    /**
     * @param key          a {@code suite.properties} key.
     * @param defaultValue when absent.
     * @return its value.
     */
    String describe(final String key, final String defaultValue)
    {
        return suite.getProperty(key, defaultValue);
    }
}
