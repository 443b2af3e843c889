package io.ringflow.perf.peers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every peer engine must show: on the same generated events, each query's results are exactly the Ringflow
 * query's, record by record and in the same order, with the same timestamps, and its measured path gives the same
 * {@link Fingerprint}. Two event rates: the benchmarks' 10,000 events/s (20,000 events are 2 s of event time: one
 * Q7 window, a few Q5 windows, most fired by the end of input) and 1,000 events/s (20 s: two Q7 windows and a
 * dozen Q5 windows fired by the engine's own clock). Each engine's test class says where its semantics could
 * differ from Ringflow's and why, on this input, they do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeerMatchesRingflowContract
{
    static final long EVENTS = 20_000;
    static final long SEED = 11;
    private PeerEngine engine;

    /** @return the engine under test, started. */
    abstract PeerEngine openEngine();

    /**
     * The engine's measured path. An engine with settings of its own overrides this to measure with them.
     *
     * @param query the query.
     * @param input the events.
     * @return the results' fingerprint.
     */
    Fingerprint measuredFingerprint(final PeerQuery query, final NexmarkInput input)
    {
        return engine.fingerprint(query, input);
    }

    /** @return the engine, open for the whole class. */
    final PeerEngine engine()
    {
        return engine;
    }

    @BeforeAll
    final void startEngine()
    {
        engine = openEngine();
    }

    @AfterAll
    final void closeEngine()
    {
        engine.close();
    }

    @ParameterizedTest(name = "{0} at {1} us between events")
    @CsvSource({
        "Q1, 100", "Q2, 100", "Q5, 100", "Q7, 100",
        "Q1, 1000", "Q2, 1000", "Q5, 1000", "Q7, 1000",
    })
    final void shouldGiveRingflowsResultsOnTheSameEvents(final PeerQuery query, final long interEventDelayUs)
    {
        final NexmarkInput input = new NexmarkInput(SEED, interEventDelayUs, EVENTS);
        final List<String> fromRingflow = new ArrayList<>();
        final Fingerprint ringflowFingerprint = new Fingerprint();
        final ResultListener rendering = ResultListener.rendering(fromRingflow);
        RingflowRun.run(query, input.newStream(), EVENTS, (hash, timestamp, result) ->
        {
            rendering.onResult(hash, timestamp, result);
            ringflowFingerprint.onResult(hash, timestamp, result);
        });

        assertThat(engine.collect(query, input)).isEqualTo(fromRingflow);
        assertThat(measuredFingerprint(query, input))
            .isEqualTo(ringflowFingerprint)
            .isEqualTo(RingflowRun.fingerprint(query, input));
        assertThat(fromRingflow).hasSizeGreaterThan(MatchingInputs.expectedAtLeast(query, EVENTS, interEventDelayUs));
    }
}
