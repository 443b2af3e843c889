package io.ringflow.perf.peers;

import io.ringflow.perf.nexmark.NexmarkEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Esper module, on a runtime whose clock is Ringflow's watermark plus one, computes what the Ringflow query
 * of the same name computes on the same generated events: the same results, record by record and in the same
 * order, with the same timestamps, and the same {@link Fingerprint} through the measured path. The inputs are
 * {@link FlinkMatchesRingflowTest}'s: 20,000 events at 10,000 events/s (most windows fired at the end of input)
 * and at 1,000 events/s (most fired by the clock).
 * <p>
 * And why Esper's own time windows are not used: they would put a bid in the window open at its arrival, and on
 * these inputs that is another window than its event time's for a good share of the bids.
 */
class EsperMatchesRingflowTest extends PeerMatchesRingflowContract
{
    @Override
    PeerEngine openEngine()
    {
        return new EsperEngine();
    }

    @ParameterizedTest(name = "{0} ms windows")
    @CsvSource({"10000", "2000"})
    void shouldPutManyBidsInAnotherWindowIfWindowsWentByArrival(final long sizeMs)
    {
        // 20 s of event time at the benchmarks' rate: two 10 s windows, ten 2 s slides.
        final EventArray events = EventArrays.of(NexmarkInput.standard(SEED, 200_000));
        final NexmarkEvent event = new NexmarkEvent();
        long maxTimestamp = Long.MIN_VALUE;
        long bids = 0;
        long elsewhere = 0;
        for (int i = 0; i < events.size(); i++)
        {
            final long timestamp = events.fill(i, event).dateTime();
            // An arrival-time window is the one the clock is in when the bid arrives; the kindest such clock is the
            // largest event time so far (a watermark-driven clock lags it by 4 s and moves more bids).
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            if (event.isBid())
            {
                bids++;
                elsewhere += Math.floorDiv(timestamp, sizeMs) == Math.floorDiv(maxTimestamp, sizeMs) ? 0 : 1;
            }
        }
        System.out.printf("%d ms windows by arrival: %d of %d bids (%.1f%%) in another window than by event time%n",
            sizeMs, elsewhere, bids, 100.0 * elsewhere / bids);
        assertThat(elsewhere).isGreaterThan(bids / 10);
    }
}
