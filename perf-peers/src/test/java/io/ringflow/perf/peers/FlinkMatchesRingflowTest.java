package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import io.ringflow.perf.nexmark.WindowMax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Flink job computes what the Ringflow query of the same name computes, on the same generated events:
 * the same results, record by record and in the same order, with the same timestamps, and the same
 * {@link Fingerprint} through the measured (accumulator) path. Two event rates: the benchmarks' 10,000
 * events/s (20,000 events are 2 s of event time: one Q7 window, a few Q5 windows, most fired by the end of
 * input) and 1,000 events/s (20 s: two Q7 windows and a dozen Q5 windows fired by the watermark itself).
 * <p>
 * Where the engines could differ and, on this input, do not (see {@link PeerQuery}): Flink's watermark is
 * periodic and lags Ringflow's per-event one, which moves firings later in time but, with no late event,
 * changes no window's content; and both fire every window still open at the end of input (Ringflow's
 * end-of-stream watermark, Flink's {@code Long.MAX_VALUE} one), so the tail windows are in both outputs.
 */
class FlinkMatchesRingflowTest extends PeerMatchesRingflowContract
{
    @Override
    PeerEngine openEngine()
    {
        return new LocalFlink();
    }

    /** Measured as {@code bin/peer-nexmark} measures by default: object reuse on, the default buffer timeout. */
    @Override
    Fingerprint measuredFingerprint(final PeerQuery query, final NexmarkInput input)
    {
        return ((LocalFlink)engine()).fingerprint(query, input, new FlinkSettings(FlinkSettings.DEFAULT_BUFFER_TIMEOUT_MS, true));
    }

    /** The measured path with Flink's default of no object reuse, and Ringflow reading the shared array. */
    @Test
    void shouldFingerprintTheSameWithoutObjectReuseAndFromTheEventArray()
    {
        final NexmarkInput input = NexmarkInput.standard(SEED, EVENTS);
        final EventArray events = EventArrays.of(input);
        final Fingerprint fromArray = new Fingerprint();
        RingflowRun.run(PeerQuery.Q5, events.cursor(), events.size(), fromArray);

        assertThat(fromArray).isEqualTo(RingflowRun.fingerprint(PeerQuery.Q5, input));
        assertThat(((LocalFlink)engine()).fingerprint(PeerQuery.Q5, input, new FlinkSettings(10, false))).isEqualTo(fromArray);
    }

    @Test
    void shouldHashEqualResultsAlikeOnBothEngines()
    {
        final PeerEvent bid = PeerEvent.of(new NexmarkEvent().setBid(1_123, 2_000, 99, 5_000));
        assertThat(bid.resultHash()).isEqualTo(ResultHash.event(bid.toNexmark(new NexmarkEvent())));
        assertThat(bid.render()).isEqualTo("Bid(auction 1123 bidder 2000 price 99 @5000)");

        final WindowMaxRecord window = WindowMaxRecord.of(10_000, WindowMax.pack(7, 1_500));
        assertThat(window.render()).isEqualTo("WindowMax(end 10000 id 1500 value 7)");
        assertThat(window.resultHash()).isEqualTo(
            ResultHash.window(new WindowMax().set(10_000, WindowMax.pack(7, 1_500))));
    }
}
